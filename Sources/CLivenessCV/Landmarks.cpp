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

extern "C" lcv_status lcv_run_roi(lcv_net *net, const lcv_image *image, const double *transform, int32_t size,
                                  int32_t flip, int32_t replicate, const char *output_names, float *out,
                                  int32_t capacity, int32_t *counts, int32_t max_outputs, lcv_error *error) {
    return lcv::guarded(error, LCV_INFERENCE_FAILED, [&]() -> lcv_status {
        if (net == nullptr || image == nullptr || transform == nullptr || output_names == nullptr || out == nullptr ||
            counts == nullptr || size <= 0 || capacity < 0) {
            return lcv::fail(error, LCV_INVALID_ARGUMENT, "missing network, image, transform or output buffer");
        }
        for (int i = 0; i < 6; ++i) {
            if (!std::isfinite(transform[i])) return lcv::fail(error, LCV_INVALID_ARGUMENT, "the transform is not finite");
        }
        const cv::Mat map(2, 3, CV_64F, const_cast<double *>(transform));
        cv::Mat crop;
        cv::warpAffine(image->mat, crop, map, cv::Size(size, size), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                       replicate ? cv::BORDER_REPLICATE : cv::BORDER_CONSTANT, cv::Scalar());
        if (flip) cv::flip(crop, crop, 1);
        const cv::Mat blob = cv::dnn::blobFromImage(crop, 1.0 / 255.0, cv::Size(), cv::Scalar(), true, false);
        net->net.setInput(blob);
        std::vector<std::string> names;
        std::stringstream stream(output_names);
        for (std::string name; std::getline(stream, name, ',');) names.push_back(name);
        if (static_cast<int32_t>(names.size()) > max_outputs) return lcv::fail(error, LCV_INVALID_ARGUMENT, "too many outputs");
        std::vector<cv::Mat> outputs;
        net->net.forward(outputs, names);
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
