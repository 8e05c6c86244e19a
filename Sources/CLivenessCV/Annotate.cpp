#include "Guard.hpp"
#include "Image.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {
/// Encodes `image` and hands the bytes over in a malloc'd buffer.
lcv_status encode(const cv::Mat &image, const char *extension, uint8_t **out, size_t *out_count, lcv_error *error,
                  bool progressive = false) {
    *out = nullptr;
    *out_count = 0;
    std::vector<uchar> encoded;
    const std::vector<int> params = {cv::IMWRITE_JPEG_QUALITY, 92, cv::IMWRITE_JPEG_PROGRESSIVE, progressive ? 1 : 0};
    if (!cv::imencode(extension, image, encoded, params) || encoded.empty()) {
        return lcv::fail(error, LCV_ENCODE_FAILED, std::string("encoding as ") + extension + " failed");
    }
    auto *buffer = static_cast<uint8_t *>(std::malloc(encoded.size()));
    if (buffer == nullptr) return lcv::fail(error, LCV_OUT_OF_MEMORY, "out of memory");
    std::memcpy(buffer, encoded.data(), encoded.size());
    *out = buffer;
    *out_count = encoded.size();
    return LCV_OK;
}
}  // namespace

extern "C" lcv_status lcv_image_annotate_jpeg(const lcv_image *image, int32_t x, int32_t y, int32_t width,
                                              int32_t height, const char *caption, uint32_t rgb, uint8_t **out,
                                              size_t *out_count, lcv_error *error) {
    return lcv::guarded(error, LCV_ENCODE_FAILED, [&]() -> lcv_status {
        if (image == nullptr || out == nullptr || out_count == nullptr) {
            return lcv::fail(error, LCV_INVALID_ARGUMENT, "missing image or output");
        }
        *out = nullptr;
        *out_count = 0;
        cv::Mat canvas = image->mat.clone();
        const cv::Scalar colour((rgb >> 0) & 0xFF, (rgb >> 8) & 0xFF, (rgb >> 16) & 0xFF);
        const int thickness = std::max(2, std::min(canvas.cols, canvas.rows) / 240);
        cv::rectangle(canvas, cv::Rect(x, y, width, height), colour, thickness);
        if (caption != nullptr && caption[0] != '\0') {
            const double fontScale = std::max(0.5, std::min(canvas.cols, canvas.rows) / 800.0);
            int baseline = 0;
            const cv::Size text = cv::getTextSize(caption, cv::FONT_HERSHEY_SIMPLEX, fontScale, thickness, &baseline);
            const int textTop = std::max(0, y - text.height - baseline - 4);
            cv::rectangle(canvas, cv::Rect(x, textTop, text.width + 6, text.height + baseline + 4), colour, cv::FILLED);
            cv::putText(canvas, caption, cv::Point(x + 3, textTop + text.height + 2), cv::FONT_HERSHEY_SIMPLEX,
                        fontScale, cv::Scalar(255, 255, 255), thickness);
        }
        return encode(canvas, ".jpg", out, out_count, error);
    });
}

extern "C" lcv_status lcv_image_encode(const lcv_image *image, const char *extension, uint8_t **out, size_t *out_count,
                                       lcv_error *error) {
    return lcv::guarded(error, LCV_ENCODE_FAILED, [&]() -> lcv_status {
        if (image == nullptr || extension == nullptr || out == nullptr || out_count == nullptr) {
            return lcv::fail(error, LCV_INVALID_ARGUMENT, "missing image, format or output");
        }
        return encode(image->mat, extension, out, out_count, error);
    });
}

extern "C" lcv_status lcv_image_encode_progressive_jpeg(const lcv_image *image, uint8_t **out, size_t *out_count,
                                                        lcv_error *error) {
    return lcv::guarded(error, LCV_ENCODE_FAILED, [&]() -> lcv_status {
        if (image == nullptr || out == nullptr || out_count == nullptr) {
            return lcv::fail(error, LCV_INVALID_ARGUMENT, "missing image or output");
        }
        return encode(image->mat, ".jpg", out, out_count, error, true);
    });
}

extern "C" void lcv_buffer_free(uint8_t *buffer) { std::free(buffer); }
