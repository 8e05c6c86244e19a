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
/// The same from C strings joined by ": " (`detail` may be NULL): no allocation, for catch handlers.
lcv_status fail(lcv_error *error, lcv_status status, const char *message, const char *detail = nullptr) noexcept;

/// Applies the process-wide OpenCV settings once: silent error handler, quiet logging.
void configureOnce() noexcept;

/// Runs `body`, turning any C++ exception into `failure` (or LCV_OUT_OF_MEMORY) with a message.
/// cv::Exception messages keep only OpenCV's own text, never source file paths. The handlers allocate
/// nothing: messages are formatted straight into `error`'s fixed buffer.
template <typename Body>
lcv_status guarded(lcv_error *error, lcv_status failure, Body &&body) noexcept {
    configureOnce();
    try {
        return body();
    } catch (const cv::Exception &exception) {
        const char *text = exception.err.empty() ? "OpenCV error" : exception.err.c_str();
        const lcv_status status = exception.code == cv::Error::StsNoMem ? LCV_OUT_OF_MEMORY : failure;
        return exception.func.empty() ? fail(error, status, text) : fail(error, status, exception.func.c_str(), text);
    } catch (const std::bad_alloc &) {
        return fail(error, LCV_OUT_OF_MEMORY, "out of memory");
    } catch (const std::exception &exception) {
        return fail(error, failure, exception.what());
    } catch (...) {
        return fail(error, LCV_INTERNAL, "unknown C++ exception");
    }
}

}  // namespace lcv
