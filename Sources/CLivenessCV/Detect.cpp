#include "DetectionOutput.hpp"
#include "Guard.hpp"
#include "Image.hpp"
#include "Net.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstring>

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
        const cv::Mat blob = cv::dnn::blobFromImage(resized, 1.0, cv::Size(), cv::Scalar(104, 117, 123), false, false);
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
