// JPEG decoding with libjpeg-turbo's TurboJPEG API, straight into BGR.
//
// OpenCV 4.6 has libjpeg write RGB, then swaps every pixel to BGR in a second pass (13.6 % of the service's CPU
// under load, docs/performance.md). TurboJPEG writes BGR directly, with the same library, the same IDCT
// (JDCT_ISLOW) and the same fancy upsampling, so the pixels are the ones cv::imdecode returns; the fixtures and
// the fuzz run compare both decoders byte for byte. The caller reads the EXIF orientation (OpenCV's rules,
// LivenessCore's ExifOrientation) and this file applies it as cv::imdecode does.
#include "Guard.hpp"
#include "Image.hpp"

#include <opencv2/core.hpp>
#include <turbojpeg.h>


namespace {

/// One decompressor per thread: a worker reuses it for every image and never shares it.
class Decompressor {
public:
    Decompressor() : handle(tjInitDecompress()) {}
    ~Decompressor() {
        if (handle != nullptr) tjDestroy(handle);
    }
    Decompressor(const Decompressor &) = delete;
    Decompressor &operator=(const Decompressor &) = delete;
    tjhandle handle;
};

tjhandle threadDecompressor() {
    thread_local Decompressor decompressor;
    return decompressor.handle;
}

/// cv::imdecode's ApplyExifOrientation: the same flips and transposes for the TIFF orientations 2-8.
cv::Mat oriented(cv::Mat image, int orientation) {
    cv::Mat result;
    switch (orientation) {
    case 2: cv::flip(image, result, 1); return result;
    case 3: cv::flip(image, result, -1); return result;
    case 4: cv::flip(image, result, 0); return result;
    case 5: cv::transpose(image, result); return result;
    case 6: cv::transpose(image, result); cv::flip(result, result, 1); return result;
    case 7: cv::transpose(image, result); cv::flip(result, result, -1); return result;
    case 8: cv::transpose(image, result); cv::flip(result, result, 0); return result;
    default: return image;
    }
}

}  // namespace

extern "C" lcv_status lcv_image_decode_jpeg(const uint8_t *bytes, size_t count, int32_t orientation, lcv_image **out,
                                            lcv_error *error) {
    return lcv::guarded(error, LCV_DECODE_FAILED, [&]() -> lcv_status {
        if (out == nullptr) return lcv::fail(error, LCV_INVALID_ARGUMENT, "no output handle");
        *out = nullptr;
        if (bytes == nullptr || count == 0) return lcv::fail(error, LCV_DECODE_FAILED, "the image is empty");
        tjhandle handle = threadDecompressor();
        if (handle == nullptr) return lcv::fail(error, LCV_OUT_OF_MEMORY, "no JPEG decompressor");
        int width = 0, height = 0, subsampling = 0, colorspace = 0;
        const auto size = static_cast<unsigned long>(count);
        // Anything but a clean decode goes to OpenCV, whose result is the reference: at the end of the data
        // libjpeg's memory source (here) inserts an EOI and greys the rest, OpenCV's suspends and repeats rows.
        if (tjDecompressHeader3(handle, bytes, size, &width, &height, &subsampling, &colorspace) != 0 || width <= 0 ||
            height <= 0 || colorspace == TJCS_CMYK || colorspace == TJCS_YCCK) {
            return lcv::fail(error, LCV_NOT_HANDLED, "left to OpenCV");
        }
        // Allocated through cv::Mat, so the decoder's buffer cap (lcv_set_max_buffer_bytes) applies.
        cv::Mat image(height, width, CV_8UC3);
        // Accurate IDCT and fancy upsampling: libjpeg's defaults, which OpenCV keeps. The first warning (corrupt
        // data) stops the decode, so the caller's second decode by OpenCV follows only the work done so far.
        const int flags = TJFLAG_STOPONWARNING;
        if (tjDecompress2(handle, bytes, size, image.data, width, static_cast<int>(image.step), height, TJPF_BGR, flags) != 0) {
            return lcv::fail(error, LCV_NOT_HANDLED, "left to OpenCV");
        }
        *out = new lcv_image{oriented(std::move(image), orientation)};
        return LCV_OK;
    });
}
