// Exception firewall shared by every C entry point.
#pragma once

#include "CLivenessCV.h"

#include <opencv2/core.hpp>

#include <cstdio>
#include <exception>
#include <new>
#include <string>

namespace lcv {

/// Records `status` and `message` in `error` (if given) and returns `status`.
lcv_status fail(lcv_error *error, lcv_status status, const std::string &message) noexcept;

/// Applies the process-wide OpenCV settings once: silent error handler, quiet logging.
void configureOnce() noexcept;

/// Runs `body`, turning any C++ exception into `failure` (or LCV_OUT_OF_MEMORY) with a message.
/// cv::Exception messages keep only OpenCV's own text, never source file paths.
template <typename Body>
lcv_status guarded(lcv_error *error, lcv_status failure, Body &&body) noexcept {
    configureOnce();
    try {
        return body();
    } catch (const cv::Exception &exception) {
        std::string text = exception.err.empty() ? std::string("OpenCV error") : exception.err;
        if (!exception.func.empty()) text = exception.func + ": " + text;
        return fail(error, exception.code == cv::Error::StsNoMem ? LCV_OUT_OF_MEMORY : failure, text);
    } catch (const std::bad_alloc &) {
        return fail(error, LCV_OUT_OF_MEMORY, "out of memory");
    } catch (const std::exception &exception) {
        return fail(error, failure, exception.what());
    } catch (...) {
        return fail(error, LCV_INTERNAL, "unknown C++ exception");
    }
}

}  // namespace lcv
