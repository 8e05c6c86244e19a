#include "Guard.hpp"
#include "Image.hpp"
#include "Net.hpp"

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstring>

extern "C" lcv_status lcv_face_chip(const lcv_image *image, const double *chip_to_image, int32_t size, lcv_image **out,
                                    lcv_error *error) {
    return lcv::guarded(error, LCV_INVALID_ARGUMENT, [&]() -> lcv_status {
        if (out == nullptr) return lcv::fail(error, LCV_INVALID_ARGUMENT, "no output handle");
        *out = nullptr;
        if (image == nullptr || chip_to_image == nullptr || size <= 0 || size > 1024) {
            return lcv::fail(error, LCV_INVALID_ARGUMENT, "missing image or transform, or a chip size outside 1...1024");
        }
        for (int i = 0; i < 6; ++i) {
            if (!std::isfinite(chip_to_image[i])) return lcv::fail(error, LCV_INVALID_ARGUMENT, "the transform is not finite");
        }
        const cv::Mat map(2, 3, CV_64F, const_cast<double *>(chip_to_image));
        cv::Mat chip;
        cv::warpAffine(image->mat, chip, map, cv::Size(size, size), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                       cv::BORDER_CONSTANT, cv::Scalar());
        *out = new lcv_image{chip};
        return LCV_OK;
    });
}

extern "C" lcv_status lcv_face_embed(lcv_net *net, const lcv_image *chip, float *out, int32_t capacity, int32_t *count,
                                     lcv_error *error) {
    return lcv::guarded(error, LCV_INFERENCE_FAILED, [&]() -> lcv_status {
        if (net == nullptr || chip == nullptr || out == nullptr || count == nullptr) {
            return lcv::fail(error, LCV_INVALID_ARGUMENT, "missing network, chip or output buffer");
        }
        // dlib's input_rgb_image_sized: RGB planes, (pixel - mean) / 256.
        const cv::Mat blob = cv::dnn::blobFromImage(chip->mat, 1.0 / 256.0, cv::Size(), cv::Scalar(122.782, 117.001, 104.298),
                                                    true, false);
        cv::Mat values = net->forward(blob, {})[0];
        if (!values.isContinuous()) values = values.clone();
        if (values.depth() != CV_32F) return lcv::fail(error, LCV_INFERENCE_FAILED, "unexpected output type");
        if (values.total() > static_cast<size_t>(capacity)) return lcv::fail(error, LCV_INVALID_ARGUMENT, "output buffer too small");
        std::memcpy(out, values.ptr<float>(), values.total() * sizeof(float));
        *count = static_cast<int32_t>(values.total());
        return LCV_OK;
    });
}
