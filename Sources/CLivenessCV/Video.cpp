#ifndef __linux__
#error "the liveness bridge needs Linux: uploaded videos are kept in memfd_create memory files"
#endif

#include "Guard.hpp"
#include "Image.hpp"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <memory>
#include <cstring>
#include <string>

struct lcv_video {
    int fd = -1;
    int maxSide = 0;
    int rotation = 0;
    double fps = 0;
    int64_t lastFramePixels = 0;
    double lastFrameMs = -1;
    double declaredFrames = 0;
    cv::VideoCapture capture;

    ~lcv_video() {
        capture.release();
        if (fd >= 0) close(fd);
    }
};

namespace {
bool writeAll(int fd, const uint8_t *bytes, size_t count) {
    while (count > 0) {
        const ssize_t written = write(fd, bytes, count);
        if (written < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        bytes += written;
        count -= static_cast<size_t>(written);
    }
    return true;
}

int normalisedRotation(double degrees) {
    int value = static_cast<int>(degrees) % 360;
    if (value < 0) value += 360;
    return (value == 90 || value == 180 || value == 270) ? value : 0;
}

/// The frame turned upright for a container rotation tag (the same Mat when there is none).
cv::Mat rotated(const cv::Mat &frame, int rotation) {
    cv::Mat upright;
    switch (rotation) {
    case 90: cv::rotate(frame, upright, cv::ROTATE_90_COUNTERCLOCKWISE); break;
    case 180: cv::rotate(frame, upright, cv::ROTATE_180); break;
    case 270: cv::rotate(frame, upright, cv::ROTATE_90_CLOCKWISE); break;
    default: upright = frame; break;
    }
    return upright;
}

/// The frame scaled down by `scale` (INTER_AREA), or the same Mat when `scale` is 1.
cv::Mat scaled(const cv::Mat &frame, double scale) {
    if (scale >= 1.0) return frame;
    cv::Mat smaller;
    cv::resize(frame, smaller, cv::Size(), scale, scale, cv::INTER_AREA);
    return smaller;
}

/// Whether scaling a `width` x `height` frame by `scale` before rotating it gives the same pixels as rotating it
/// first: when `1 / scale` is a whole factor k that divides both sides, INTER_AREA averages whole k x k blocks
/// (OpenCV's exact-factor path, taken when 1 / scale is within DBL_EPSILON of k), whose integer sums do not
/// depend on the order, so the rotation can move k² times fewer pixels (a 1920x1080 phone frame tagged 90°:
/// 3.2 → 1.5 ms). Any other factor interpolates rows and columns in a different order once rotated, so it
/// keeps the order rotate-then-scale.
bool scalesBeforeRotating(int width, int height, double scale) {
    if (!(scale < 1.0 && scale > 0.0)) return false;
    const double inverse = 1.0 / scale;
    const double factor = std::round(inverse);
    if (!(factor >= 2.0 && std::abs(inverse - factor) < DBL_EPSILON)) return false;
    const int k = static_cast<int>(factor);
    return width % k == 0 && height % k == 0;
}
}  // namespace

extern "C" lcv_status lcv_video_open(const uint8_t *bytes, size_t count, int32_t max_side, lcv_video **out,
                                     lcv_error *error) {
    return lcv::guarded(error, LCV_DECODE_FAILED, [&]() -> lcv_status {
        if (out == nullptr) return lcv::fail(error, LCV_INVALID_ARGUMENT, "no output handle");
        *out = nullptr;
        if (bytes == nullptr || count == 0) return lcv::fail(error, LCV_DECODE_FAILED, "the video is empty");
        auto video = std::make_unique<lcv_video>();
        video->maxSide = max_side;
        video->fd = memfd_create("liveness-video", MFD_CLOEXEC);
        if (video->fd < 0) return lcv::fail(error, LCV_INTERNAL, std::string("memfd_create failed: ") + std::strerror(errno));
        if (!writeAll(video->fd, bytes, count)) return lcv::fail(error, LCV_INTERNAL, "could not buffer the video");
        const std::string path = "/proc/self/fd/" + std::to_string(video->fd);
        if (!video->capture.open(path, cv::CAP_FFMPEG)) {
            return lcv::fail(error, LCV_DECODE_FAILED, "the data is not a decodable video");
        }
        // Refuse absurd frame sizes before decoding a frame: a crafted header could ask for gigabytes.
        const double width = video->capture.get(cv::CAP_PROP_FRAME_WIDTH);
        const double height = video->capture.get(cv::CAP_PROP_FRAME_HEIGHT);
        if (!(width > 0 && height > 0) || width > 8192 || height > 8192 || width * height > 4096.0 * 4096.0) {
            return lcv::fail(error, LCV_DECODE_FAILED, "the video's frame size is missing or too large (over 4096x4096)");
        }
        video->capture.set(cv::CAP_PROP_ORIENTATION_AUTO, 0);
        video->rotation = normalisedRotation(video->capture.get(cv::CAP_PROP_ORIENTATION_META));
        video->fps = video->capture.get(cv::CAP_PROP_FPS);
        if (!(video->fps > 0 && video->fps < 1000)) video->fps = 0;
        video->declaredFrames = video->capture.get(cv::CAP_PROP_FRAME_COUNT);
        if (!std::isfinite(video->declaredFrames)) video->declaredFrames = 0;
        *out = video.release();
        return LCV_OK;
    });
}

extern "C" void lcv_video_free(lcv_video *video) { delete video; }

extern "C" int64_t lcv_video_last_frame_pixels(const lcv_video *video) {
    return video == nullptr ? 0 : video->lastFramePixels;
}

extern "C" double lcv_video_fps(const lcv_video *video) { return video == nullptr ? 0 : video->fps; }

extern "C" double lcv_video_declared_frames(const lcv_video *video) {
    return video == nullptr ? 0 : video->declaredFrames;
}

extern "C" double lcv_video_last_frame_ms(const lcv_video *video) {
    return video == nullptr ? -1 : video->lastFrameMs;
}

extern "C" int32_t lcv_video_rotation(const lcv_video *video) { return video == nullptr ? 0 : video->rotation; }

extern "C" lcv_status lcv_video_next(lcv_video *video, lcv_image **out, lcv_error *error) {
    return lcv::guarded(error, LCV_DECODE_FAILED, [&]() -> lcv_status {
        if (video == nullptr || out == nullptr) return lcv::fail(error, LCV_INVALID_ARGUMENT, "no video or output");
        *out = nullptr;
        cv::Mat frame;
        // grab() is false only when the demuxer has no further packet that decodes: the end of the stream.
        // A grabbed frame that cannot be retrieved is a read error, reported as one.
        if (!video->capture.grab()) return LCV_OK;
        video->lastFrameMs = video->capture.get(cv::CAP_PROP_POS_MSEC);
        if (!video->capture.retrieve(frame) || frame.empty()) {
            return lcv::fail(error, LCV_DECODE_FAILED, "a frame was read but could not be converted");
        }
        if (frame.type() != CV_8UC3) return lcv::fail(error, LCV_DECODE_FAILED, "unexpected frame format");
        video->lastFramePixels = static_cast<int64_t>(frame.cols) * frame.rows;
        if (frame.cols > 8192 || frame.rows > 8192 || video->lastFramePixels > 4096LL * 4096LL) {
            return lcv::fail(error, LCV_DECODE_FAILED, "a frame is larger than 4096x4096");
        }
        // FFmpeg 5.1 + OpenCV 4.6 rotate the wrong way when asked to; undo the tag ourselves:
        // 90 → counter-clockwise, 180 → 180, 270 → clockwise.
        const int longer = std::max(frame.cols, frame.rows);
        const double scale = (video->maxSide > 0 && longer > video->maxSide)
                                 ? static_cast<double>(video->maxSide) / longer
                                 : 1.0;
        cv::Mat upright = frame;
        if (scalesBeforeRotating(frame.cols, frame.rows, scale)) {
            upright = scaled(upright, scale);
            upright = rotated(upright, video->rotation);
        } else {
            upright = rotated(upright, video->rotation);
            upright = scaled(upright, scale);
        }
        *out = new lcv_image{upright.isContinuous() ? upright : upright.clone()};
        return LCV_OK;
    });
}
