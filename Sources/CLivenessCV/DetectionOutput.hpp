#pragma once

#include <array>
#include <cstddef>
#include <vector>

namespace lcv {

/// The RetinaFace detector's last two Caffe layers, which the ONNX conversion leaves out
/// (scripts/retinaface/caffe_to_onnx.py), as deploy.prototxt configures them:
/// - PriorBox on the stride-8, -16 and -32 feature maps, min sizes {16, 32}, {64, 128}, {256, 512},
///   offset 0.5, no clipping, variances (0.1, 0.1, 0.2, 0.2);
/// - DetectionOutput: CENTER_SIZE decoding, scores above 0.1, the 400 best into NMS at IoU 0.3, at most 200
///   kept, in OpenCV 4.6's order.
/// `loc` holds 4 values and `conf` 2 (background, face; softmaxed) per prior, for an input of
/// `width` x `height`. Returns the rows of Caffe's `detection_out`: (0, 1, score, x1, y1, x2, y2), normalised.
/// Throws std::runtime_error when the prior count does not match the input size.
std::vector<std::array<float, 7>> retinaFaceDetections(const float *loc, const float *conf, size_t priors, int width,
                                                       int height);

}  // namespace lcv
