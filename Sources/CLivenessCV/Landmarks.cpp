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

extern "C" lcv_status lcv_run_roi(lcv_net *net, const lcv_image *image, int32_t regions, const double *transforms,
                                  const int32_t *flips, int32_t size, int32_t replicate, const char *output_names,
                                  float *out, int32_t capacity, int32_t *counts, int32_t max_outputs,
                                  lcv_error *error) {
    return lcv::guarded(error, LCV_INFERENCE_FAILED, [&]() -> lcv_status {
        if (net == nullptr || image == nullptr || transforms == nullptr || flips == nullptr || output_names == nullptr ||
            out == nullptr || counts == nullptr || size <= 0 || capacity < 0 || regions <= 0 || regions > 16) {
            return lcv::fail(error, LCV_INVALID_ARGUMENT, "missing network, image, transforms or output buffer");
        }
        for (int i = 0; i < 6 * regions; ++i) {
            if (!std::isfinite(transforms[i])) return lcv::fail(error, LCV_INVALID_ARGUMENT, "a transform is not finite");
        }
        std::vector<cv::Mat> crops(static_cast<size_t>(regions));
        for (int32_t r = 0; r < regions; ++r) {
            const cv::Mat map(2, 3, CV_64F, const_cast<double *>(transforms + 6 * r));
            cv::warpAffine(image->mat, crops[r], map, cv::Size(size, size), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                           replicate ? cv::BORDER_REPLICATE : cv::BORDER_CONSTANT, cv::Scalar());
            if (flips[r]) cv::flip(crops[r], crops[r], 1);
        }
        const cv::Mat blob = cv::dnn::blobFromImages(crops, 1.0 / 255.0, cv::Size(), cv::Scalar(), true, false);
        std::vector<std::string> names;
        std::stringstream stream(output_names);
        for (std::string name; std::getline(stream, name, ',');) names.push_back(name);
        if (static_cast<int32_t>(names.size()) > max_outputs) return lcv::fail(error, LCV_INVALID_ARGUMENT, "too many outputs");
        const std::vector<cv::Mat> outputs = net->forward(blob, names);
        size_t offset = 0;
        for (size_t i = 0; i < outputs.size(); ++i) {
            const cv::Mat values = outputs[i].isContinuous() ? outputs[i] : outputs[i].clone();
            if (values.depth() != CV_32F) return lcv::fail(error, LCV_INFERENCE_FAILED, "unexpected output type");
            const size_t total = values.total();
            if (offset + total > static_cast<size_t>(capacity)) return lcv::fail(error, LCV_INVALID_ARGUMENT, "output buffer too small");
            std::memcpy(out + offset, values.ptr<float>(), total * sizeof(float));
            counts[i] = static_cast<int32_t>(total);
            offset += total;
        }
        return LCV_OK;
    });
}
