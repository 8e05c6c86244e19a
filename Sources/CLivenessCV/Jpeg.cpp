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

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
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

/// The orientations that swap width and height (5-8) in one pass over 64x64 tiles of BGR pixels: OpenCV's
/// transpose moves one 3-byte pixel at a time across the whole image, then flip passes over it again, which took
/// as long as a third of the decode. Each pixel but the last of a run moves as one 4-byte load and store whose
/// fourth byte the next pixel overwrites (a 3-byte copy is three moves); the last pixel of a run, and the image's
/// last pixel as a source, move 3 bytes, so nothing outside either buffer is read or written. 640x480: 0.12 ms
/// against 0.20-0.34 ms for 32x32 tiles of 3-byte copies and 0.37 ms for OpenCV's transpose and flip. The result
/// is the same permutation as ApplyExifOrientation's transpose and flip.
cv::Mat transposed(const cv::Mat &image, int orientation) {
    const int rows = image.rows;
    const int cols = image.cols;
    const size_t step = image.step[0];
    cv::Mat result(cols, rows, image.type());
    // Output row r reads source column r (5, 6) or cols - 1 - r (7, 8), down the source rows (5, 8) or up (6, 7).
    const bool downwards = orientation == 5 || orientation == 8;
    const uint8_t *const lastPixel = image.data + step * static_cast<size_t>(rows - 1) + 3 * static_cast<size_t>(cols - 1);
    constexpr int tile = 64;
    for (int top = 0; top < result.rows; top += tile) {
        for (int left = 0; left < result.cols; left += tile) {
            const int bottom = std::min(top + tile, result.rows);
            const int right = std::min(left + tile, result.cols);
            for (int r = top; r < bottom; ++r) {
                uint8_t *out = result.ptr<uint8_t>(r) + 3 * left;
                const uint8_t *column = image.data + 3 * static_cast<size_t>(orientation <= 6 ? r : cols - 1 - r);
                const uint8_t *in = column + step * static_cast<size_t>(downwards ? left : rows - 1 - left);
                const ptrdiff_t advance = downwards ? static_cast<ptrdiff_t>(step) : -static_cast<ptrdiff_t>(step);
                for (int c = left; c < right - 1; ++c, out += 3, in += advance) {
                    if (in == lastPixel) {
                        std::memcpy(out, in, 3);
                        continue;
                    }
                    uint32_t pixel;
                    std::memcpy(&pixel, in, 4);
                    std::memcpy(out, &pixel, 4);
                }
                std::memcpy(out, in, 3);
            }
        }
    }
    return result;
}

/// cv::imdecode's ApplyExifOrientation: the same flips and transposes for the TIFF orientations 2-8.
cv::Mat oriented(cv::Mat image, int orientation) {
    cv::Mat result;
    switch (orientation) {
    case 2: cv::flip(image, result, 1); return result;
    case 3: cv::flip(image, result, -1); return result;
    case 4: cv::flip(image, result, 0); return result;
    case 5:
    case 6:
    case 7:
    case 8:
        if (image.type() == CV_8UC3) return transposed(image, orientation);
        cv::transpose(image, result);
        if (orientation != 5) cv::flip(result, result, orientation == 6 ? 1 : orientation == 7 ? -1 : 0);
        return result;
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
