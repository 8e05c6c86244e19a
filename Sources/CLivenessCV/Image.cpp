#include "Guard.hpp"
#include "Image.hpp"

#include <opencv2/imgcodecs.hpp>

#include <climits>
#include <cstring>

extern "C" lcv_status lcv_image_decode(const uint8_t *bytes, size_t count, lcv_image **out, lcv_error *error) {
    return lcv::guarded(error, LCV_DECODE_FAILED, [&]() -> lcv_status {
        if (out == nullptr) return lcv::fail(error, LCV_INVALID_ARGUMENT, "no output handle");
        *out = nullptr;
        if (bytes == nullptr || count == 0) return lcv::fail(error, LCV_DECODE_FAILED, "the image is empty");
        if (count > static_cast<size_t>(INT_MAX)) return lcv::fail(error, LCV_DECODE_FAILED, "the image is too large");
        const cv::Mat buffer(1, static_cast<int>(count), CV_8UC1, const_cast<uint8_t *>(bytes));
        cv::Mat decoded = cv::imdecode(buffer, cv::IMREAD_COLOR);
        if (decoded.empty() || decoded.type() != CV_8UC3) {
            return lcv::fail(error, LCV_DECODE_FAILED, "the data could not be decoded as an image");
        }
        *out = new lcv_image{std::move(decoded)};
        return LCV_OK;
    });
}

extern "C" lcv_status lcv_image_blank(int32_t width, int32_t height, uint8_t grey, lcv_image **out, lcv_error *error) {
    return lcv::guarded(error, LCV_INVALID_ARGUMENT, [&]() -> lcv_status {
        if (out == nullptr) return lcv::fail(error, LCV_INVALID_ARGUMENT, "no output handle");
        *out = nullptr;
        if (width <= 0 || height <= 0) return lcv::fail(error, LCV_INVALID_ARGUMENT, "width and height must be positive");
        *out = new lcv_image{cv::Mat(height, width, CV_8UC3, cv::Scalar(grey, grey, grey))};
        return LCV_OK;
    });
}

extern "C" void lcv_image_free(lcv_image *image) { delete image; }

extern "C" int32_t lcv_image_width(const lcv_image *image) { return image == nullptr ? 0 : image->mat.cols; }

extern "C" int32_t lcv_image_height(const lcv_image *image) { return image == nullptr ? 0 : image->mat.rows; }

extern "C" lcv_status lcv_image_copy_pixels(const lcv_image *image, uint8_t *out, size_t capacity, lcv_error *error) {
    return lcv::guarded(error, LCV_INTERNAL, [&]() -> lcv_status {
        if (image == nullptr || out == nullptr) return lcv::fail(error, LCV_INVALID_ARGUMENT, "no image or buffer");
        const cv::Mat &mat = image->mat;
        const size_t rowBytes = static_cast<size_t>(mat.cols) * mat.elemSize();
        if (capacity < rowBytes * static_cast<size_t>(mat.rows)) {
            return lcv::fail(error, LCV_INVALID_ARGUMENT, "the buffer is too small");
        }
        for (int row = 0; row < mat.rows; ++row) {
            std::memcpy(out + rowBytes * static_cast<size_t>(row), mat.ptr(row), rowBytes);
        }
        return LCV_OK;
    });
}
