// What the in-process bridge benchmarks (stage-cost.cpp, clip-cost.cpp) share: timing, failing loudly, medians,
// the service's threading and compile options, and reading an input file whole.
#pragma once
#include "CLivenessCV.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace bench {

using Clock = std::chrono::steady_clock;

inline double milliseconds(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

/// Stops the program on any failing bridge call: a timing of a failed call would be meaningless.
inline void require(lcv_status status, const lcv_error &error, const char *what) {
    if (status == LCV_OK) return;
    std::fprintf(stderr, "%s: %s\n", what, error.message);
    std::exit(1);
}

inline double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

/// How the service compiles Face Mesh, Iris and the face descriptor: OPENVINO_THREADS_PER_STREAM 1,
/// OPENVINO_CPU_PINNING off, always f32.
inline lcv_openvino_options videoNetworkOptions() { return lcv_openvino_options{1, 0, LCV_PRECISION_F32}; }

/// How the service compiles the detector and the classifiers: as the video networks, in bf16 when the environment
/// sets OPENVINO_INFERENCE_PRECISION=bf16 and the CPU has bfloat16 instructions (the service's rule).
inline lcv_openvino_options passiveNetworkOptions() {
    const char *asked = std::getenv("OPENVINO_INFERENCE_PRECISION");
    lcv_openvino_options options = videoNetworkOptions();
    if (asked != nullptr && std::string(asked) == "bf16" && lcv_cpu_has_bf16() != 0 &&
        lcv_openvino_supports(LCV_PRECISION_BF16) != 0) {
        options.precision = LCV_PRECISION_BF16;
    }
    return options;
}

/// The service's process set-up: OpenCV on one thread (OPENCV_THREADS 1).
inline void configureAsTheService() {
    lcv_configure_process();
    lcv_set_num_threads(1);
}

inline std::vector<uint8_t> readFile(const char *path) {
    std::ifstream file(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(file), {}};
}

}  // namespace bench
