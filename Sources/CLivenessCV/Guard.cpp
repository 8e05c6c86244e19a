#include "Guard.hpp"

#include <opencv2/core/utils/logger.hpp>

#include <cstdlib>
#include <cstring>
#include <mutex>

namespace lcv {

lcv_status fail(lcv_error *error, lcv_status status, const std::string &message) noexcept {
    return fail(error, status, message.c_str());
}

lcv_status fail(lcv_error *error, lcv_status status, const char *message, const char *detail) noexcept {
    if (error != nullptr) {
        error->status = status;
        if (detail != nullptr) {
            std::snprintf(error->message, sizeof(error->message), "%s: %s", message, detail);
        } else {
            std::snprintf(error->message, sizeof(error->message), "%s", message);
        }
    }
    return status;
}

namespace {
int silentErrorHandler(int, const char *, const char *, const char *, int, void *) { return 0; }
}  // namespace

void configureOnce() noexcept {
    static std::once_flag once;
    try {
        std::call_once(once, [] {
            cv::redirectError(silentErrorHandler);
            // FFmpeg: quiet logs (hostile files would flood stderr), and only local files of the
            // containers the service accepts; never network protocols or playlists.
            setenv("OPENCV_FFMPEG_LOGLEVEL", "-8", 0);
            // The decoders too: the container walkers in Swift refuse other codecs first, this refuses them again.
            setenv("OPENCV_FFMPEG_CAPTURE_OPTIONS",
                   "protocol_whitelist;file|format_whitelist;mov,mp4,m4a,3gp,3g2,mj2,matroska,webm|"
                   "codec_whitelist;h264,vp8,vp9,aac,opus,vorbis",
                   0);
            cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
        });
    } catch (...) {
        // Configuration is best effort; every call is still guarded.
    }
}

}  // namespace lcv

extern "C" void lcv_configure_process(void) { lcv::configureOnce(); }

extern "C" const char *lcv_opencv_version(void) { return CV_VERSION; }

extern "C" void lcv_set_num_threads(int32_t threads) {
    try {
        cv::setNumThreads(threads);
    } catch (...) {
    }
}
