// What the in-process bridge benchmarks (stage-cost.cpp, clip-cost.cpp) share: timing, failing loudly, medians,
// the service's threading, and reading an input file whole.
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

/// The service's defaults: one OpenVINO thread per stream, no pinning, OpenCV on one thread.
inline void configureAsTheService() {
    lcv_configure_process();
    lcv_openvino_threading(1, 0);
    lcv_set_num_threads(1);
}

inline std::vector<uint8_t> readFile(const char *path) {
    std::ifstream file(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(file), {}};
}

}  // namespace bench
