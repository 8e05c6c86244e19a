#include "DetectionOutput.hpp"
#include "Guard.hpp"
#include "Image.hpp"
#include "Net.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace {

/// cv::dnn::blobFromImage(bgr, 1.0, Size(), mean, false, false) for 8-bit BGR in one pass: float(pixel) - mean per
/// channel, written straight into the three planes. blobFromImage converts, subtracts and splits in three passes
/// (0.27-0.30 ms against 0.06 ms for the detector's 166x221 input in isolation; about 0.04 ms of a check's detect
/// stage, docs/performance.md); the values are the same floats (the means are whole numbers, and the scale of 1
/// leaves them as they are).
cv::Mat meanSubtractedBlob(const cv::Mat &bgr, const float (&mean)[3]) {
    if (bgr.type() != CV_8UC3) return cv::dnn::blobFromImage(bgr, 1.0, cv::Size(), cv::Scalar(mean[0], mean[1], mean[2]), false, false);
    const int height = bgr.rows;
    const int width = bgr.cols;
    const int dims[4] = {1, 3, height, width};
    cv::Mat blob(4, dims, CV_32F);
    float *const blue = blob.ptr<float>(0, 0);
    float *const green = blob.ptr<float>(0, 1);
    float *const red = blob.ptr<float>(0, 2);
    for (int y = 0; y < height; ++y) {
        const uint8_t *pixel = bgr.ptr<uint8_t>(y);
        const size_t offset = static_cast<size_t>(y) * width;
        for (int x = 0; x < width; ++x, pixel += 3) {
            blue[offset + x] = static_cast<float>(pixel[0]) - mean[0];
            green[offset + x] = static_cast<float>(pixel[1]) - mean[1];
            red[offset + x] = static_cast<float>(pixel[2]) - mean[2];
        }
    }
    return blob;
}

/// The detector's per-channel mean (Caffe's BGR order).
constexpr float detectorMean[3] = {104, 117, 123};

}  // namespace

extern "C" lcv_status lcv_detect(lcv_net *net, const lcv_image *image, int32_t input_width, int32_t input_height,
                                 float *rows, int32_t max_rows, int32_t *row_count, lcv_error *error) {
    return lcv::guarded(error, LCV_INFERENCE_FAILED, [&]() -> lcv_status {
        if (net == nullptr || image == nullptr || rows == nullptr || row_count == nullptr || max_rows < 0) {
            return lcv::fail(error, LCV_INVALID_ARGUMENT, "missing network, image or output buffer");
        }
        if (input_width <= 0 || input_height <= 0) return lcv::fail(error, LCV_INVALID_ARGUMENT, "bad detector input size");
        const cv::Mat &source = image->mat;
        cv::Mat resized;
        if (source.cols == input_width && source.rows == input_height) {
            resized = source;
        } else {
            cv::resize(source, resized, cv::Size(input_width, input_height), 0, 0, cv::INTER_LINEAR);
        }
        const cv::Mat blob = meanSubtractedBlob(resized, detectorMean);
        if (net->session) {
            // The ONNX conversion ends at the heads; PriorBox and DetectionOutput run here.
            const std::vector<cv::Mat> heads = net->forward(blob, {"mbox_loc", "mbox_conf"});
            const size_t priors = heads[1].total() / 2;
            if (heads[0].total() != priors * 4) return lcv::fail(error, LCV_INFERENCE_FAILED, "unexpected detector output shape");
            const auto detections =
                lcv::retinaFaceDetections(heads[0].ptr<float>(), heads[1].ptr<float>(), priors, input_width, input_height);
            const size_t count = std::min(detections.size(), static_cast<size_t>(max_rows));
            for (size_t row = 0; row < count; ++row) std::memcpy(rows + 7 * row, detections[row].data(), 7 * sizeof(float));
            *row_count = static_cast<int32_t>(count);
            return LCV_OK;
        }
        const cv::Mat output = net->forward(blob, {"detection_out"}, "data")[0];
        if (output.depth() != CV_32F || output.total() % 7 != 0) {
            return lcv::fail(error, LCV_INFERENCE_FAILED, "unexpected detector output shape");
        }
        size_t total = 0;
        lcv::copyOutput(output, rows, static_cast<size_t>(max_rows) * 7, &total);
        *row_count = static_cast<int32_t>(std::min(total / 7, static_cast<size_t>(max_rows)));
        return LCV_OK;
    });
}
