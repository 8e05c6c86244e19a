#pragma once

#include "CLivenessCV.h"
#include "OpenVINO.hpp"

#include <opencv2/dnn.hpp>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

/// One worker's network: a cv::dnn::Net, or an OpenVINO session. Used by one thread at a time.
struct lcv_net {
    cv::dnn::Net net;
    std::unique_ptr<lcv::openvino::Session> session;

    /// Runs the network on `blob` (NCHW float32) and returns the outputs named in `names` (all of
    /// them, in order, when empty; cv::dnn then returns its default output only).
    std::vector<cv::Mat> forward(const cv::Mat &blob, const std::vector<std::string> &names, const std::string &input = "");
};

/// A network loaded once per process: the files for cv::dnn (each worker's net reads them), or
/// OpenVINO's read model, which every worker's session shares.
struct lcv_model {
    lcv_engine engine;
    std::string path;
    std::string weights;  // Caffe weights; empty for ONNX
    std::shared_ptr<lcv::openvino::Model> openvino;
    /// OpenCV: the net read at load (to fail there), handed to the first lcv_net_create instead of reading again.
    std::unique_ptr<lcv_net> spare;
    std::mutex spareMutex;
};

namespace lcv {
/// Copies up to `capacity` floats of a network output; reports how many the output holds.
inline void copyOutput(const cv::Mat &output, float *destination, size_t capacity, size_t *total) {
    const cv::Mat values = output.isContinuous() ? output : output.clone();
    *total = values.total();
    std::memcpy(destination, values.ptr<float>(), std::min(*total, capacity) * sizeof(float));
}
}  // namespace lcv
