#include "Guard.hpp"
#include "Image.hpp"
#include "Net.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

extern "C" lcv_status lcv_run_roi(lcv_net *net, const lcv_image *image, const lcv_roi_batch *batch,
                                  lcv_outputs *outputs, lcv_error *error) {
    return lcv::guarded(error, LCV_INFERENCE_FAILED, [&]() -> lcv_status {
        if (net == nullptr || image == nullptr || batch == nullptr || outputs == nullptr || batch->transforms == nullptr ||
            batch->flips == nullptr || batch->output_names == nullptr || outputs->values == nullptr ||
            outputs->counts == nullptr || batch->size <= 0 || outputs->capacity < 0 || batch->regions <= 0 ||
            batch->regions > 16) {
            return lcv::fail(error, LCV_INVALID_ARGUMENT, "missing network, image, transforms or output buffer");
        }
        const int32_t regions = batch->regions;
        const int32_t size = batch->size;
        const double *transforms = batch->transforms;
        for (int i = 0; i < 6 * regions; ++i) {
            if (!std::isfinite(transforms[i])) return lcv::fail(error, LCV_INVALID_ARGUMENT, "a transform is not finite");
        }
        std::vector<cv::Mat> crops(static_cast<size_t>(regions));
        for (int32_t r = 0; r < regions; ++r) {
            const cv::Mat map(2, 3, CV_64F, const_cast<double *>(transforms + 6 * r));
            cv::warpAffine(image->mat, crops[r], map, cv::Size(size, size), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                           batch->replicate ? cv::BORDER_REPLICATE : cv::BORDER_CONSTANT, cv::Scalar());
            if (batch->flips[r]) cv::flip(crops[r], crops[r], 1);
        }
        const cv::Mat blob = cv::dnn::blobFromImages(crops, 1.0 / 255.0, cv::Size(), cv::Scalar(), true, false);
        std::vector<std::string> names;
        std::stringstream stream(batch->output_names);
        for (std::string name; std::getline(stream, name, ',');) names.push_back(name);
        if (static_cast<int32_t>(names.size()) > outputs->max_outputs) return lcv::fail(error, LCV_INVALID_ARGUMENT, "too many outputs");
        const std::vector<cv::Mat> results = net->forward(blob, names);
        size_t offset = 0;
        for (size_t i = 0; i < results.size(); ++i) {
            const cv::Mat values = results[i].isContinuous() ? results[i] : results[i].clone();
            if (values.depth() != CV_32F) return lcv::fail(error, LCV_INFERENCE_FAILED, "unexpected output type");
            const size_t total = values.total();
            if (offset + total > static_cast<size_t>(outputs->capacity)) {
                return lcv::fail(error, LCV_INVALID_ARGUMENT, "output buffer too small");
            }
            std::memcpy(outputs->values + offset, values.ptr<float>(), total * sizeof(float));
            outputs->counts[i] = static_cast<int32_t>(total);
            offset += total;
        }
        return LCV_OK;
    });
}
