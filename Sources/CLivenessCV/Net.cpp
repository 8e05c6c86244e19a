#include "Guard.hpp"
#include "Net.hpp"

namespace {
lcv_status adopt(cv::dnn::Net net, lcv_net **out, lcv_error *error) {
    if (net.empty()) return lcv::fail(error, LCV_MODEL_LOAD_FAILED, "the network is empty");
    net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
    *out = new lcv_net{std::move(net)};
    return LCV_OK;
}
}  // namespace

extern "C" lcv_status lcv_net_load_caffe(const char *prototxt_path, const char *weights_path, lcv_net **out,
                                         lcv_error *error) {
    return lcv::guarded(error, LCV_MODEL_LOAD_FAILED, [&]() -> lcv_status {
        if (out == nullptr || prototxt_path == nullptr || weights_path == nullptr) {
            return lcv::fail(error, LCV_INVALID_ARGUMENT, "missing path or output handle");
        }
        *out = nullptr;
        return adopt(cv::dnn::readNetFromCaffe(prototxt_path, weights_path), out, error);
    });
}

extern "C" lcv_status lcv_net_load_onnx(const char *path, lcv_net **out, lcv_error *error) {
    return lcv::guarded(error, LCV_MODEL_LOAD_FAILED, [&]() -> lcv_status {
        if (out == nullptr || path == nullptr) return lcv::fail(error, LCV_INVALID_ARGUMENT, "missing path or output handle");
        *out = nullptr;
        return adopt(cv::dnn::readNetFromONNX(path), out, error);
    });
}

extern "C" void lcv_net_free(lcv_net *net) { delete net; }
