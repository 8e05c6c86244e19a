#include "Guard.hpp"
#include "Net.hpp"

namespace {
lcv_status adopt(cv::dnn::Net net, lcv_net **out, lcv_error *error) {
    if (net.empty()) return lcv::fail(error, LCV_MODEL_LOAD_FAILED, "the network is empty");
    net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
    *out = new lcv_net{std::move(net), nullptr};
    return LCV_OK;
}
}  // namespace

std::vector<cv::Mat> lcv_net::forward(const cv::Mat &blob, const std::vector<std::string> &names, const std::string &input) {
    if (session) {
        const std::vector<int64_t> shape(blob.size.p, blob.size.p + blob.dims);
        const cv::Mat values = blob.isContinuous() ? blob : blob.clone();
        std::vector<cv::Mat> outputs;
        for (lcv::openvino::Output &output : session->infer(values.ptr<float>(), shape, names)) {
            std::vector<int> sizes(output.shape.begin(), output.shape.end());
            if (sizes.empty()) sizes.push_back(1);
            outputs.push_back(cv::Mat(static_cast<int>(sizes.size()), sizes.data(), CV_32F, output.values.data()).clone());
        }
        return outputs;
    }
    net.setInput(blob, input);
    if (names.empty()) return {net.forward()};
    std::vector<cv::Mat> outputs;
    net.forward(outputs, names);
    return outputs;
}

extern "C" void lcv_net_free(lcv_net *net) { delete net; }

extern "C" lcv_status lcv_model_load(lcv_engine engine, const char *path, const char *weights_path, int32_t workers,
                                     lcv_sharing sharing, int32_t deferred, const lcv_openvino_options *options,
                                     lcv_model **out, lcv_error *error) {
    return lcv::guarded(error, LCV_MODEL_LOAD_FAILED, [&]() -> lcv_status {
        if (out == nullptr || path == nullptr) return lcv::fail(error, LCV_INVALID_ARGUMENT, "missing path or output handle");
        *out = nullptr;
        auto model = std::make_unique<lcv_model>();
        model->engine = engine;
        model->path = path;
        model->weights = weights_path != nullptr ? weights_path : "";
        switch (engine) {
        case LCV_ENGINE_OPENCV: {
            // Read here so that a broken file fails at load, like the OpenVINO engine; the first worker gets this net.
            lcv_net *first = nullptr;
            const lcv_status status = lcv_net_create(model.get(), &first, error);
            if (status != LCV_OK) return status;
            model->spare.reset(first);
            break;
        }
        case LCV_ENGINE_OPENVINO: {
            if (!model->weights.empty()) return lcv::fail(error, LCV_INVALID_ARGUMENT, "OpenVINO reads ONNX files only");
            if (sharing != LCV_SHARING_STREAMS && sharing != LCV_SHARING_PER_WORKER && sharing != LCV_SHARING_PER_WORKER_ON_USE) {
                return lcv::fail(error, LCV_INVALID_ARGUMENT, "unknown sharing");
            }
            if (options != nullptr && options->precision != LCV_PRECISION_F32 && options->precision != LCV_PRECISION_BF16) {
                return lcv::fail(error, LCV_INVALID_ARGUMENT, "unknown precision");
            }
            lcv::openvino::Options compiling;
            if (options != nullptr) {
                compiling.threadsPerStream = std::max(0, options->threads_per_stream);
                compiling.cpuPinning = options->cpu_pinning < 0 ? -1 : (options->cpu_pinning > 0 ? 1 : 0);
                compiling.bf16 = options->precision == LCV_PRECISION_BF16;
            }
            model->openvino = lcv::openvino::load(model->path, workers, sharing != LCV_SHARING_STREAMS,
                                                  sharing == LCV_SHARING_PER_WORKER, deferred != 0, compiling);
            break;
        }
        default:
            return lcv::fail(error, LCV_INVALID_ARGUMENT, "unknown inference engine");
        }
        *out = model.release();
        return LCV_OK;
    });
}

extern "C" void lcv_model_free(lcv_model *model) { delete model; }

extern "C" lcv_status lcv_net_create(lcv_model *model, lcv_net **out, lcv_error *error) {
    return lcv::guarded(error, LCV_MODEL_LOAD_FAILED, [&]() -> lcv_status {
        if (model == nullptr || out == nullptr) return lcv::fail(error, LCV_INVALID_ARGUMENT, "missing model or output handle");
        *out = nullptr;
        if (model->openvino) {
            *out = new lcv_net{cv::dnn::Net(), std::make_unique<lcv::openvino::Session>(model->openvino)};
            return LCV_OK;
        }
        {
            std::lock_guard<std::mutex> lock(model->spareMutex);
            if (model->spare) {
                *out = model->spare.release();
                return LCV_OK;
            }
        }
        if (model->weights.empty()) return adopt(cv::dnn::readNetFromONNX(model->path), out, error);
        return adopt(cv::dnn::readNetFromCaffe(model->path, model->weights), out, error);
    });
}

extern "C" const char *lcv_openvino_version(void) {
    static const std::string version = [] {
        try {
            return lcv::openvino::version();
        } catch (...) {
            return std::string("unknown");
        }
    }();
    return version.c_str();
}

extern "C" int32_t lcv_openvino_supports(lcv_precision precision) {
    try {
        switch (precision) {
        case LCV_PRECISION_F32: return lcv::openvino::cpuCapability("FP32") ? 1 : 0;
        case LCV_PRECISION_BF16: return lcv::openvino::cpuCapability("BF16") ? 1 : 0;
        }
    } catch (...) {
    }
    return 0;
}

extern "C" int32_t lcv_cpu_has_bf16(void) {
#if defined(__x86_64__)
    return __builtin_cpu_supports("avx512bf16") || __builtin_cpu_supports("amx-bf16") ? 1 : 0;
#else
    return 0;
#endif
}

extern "C" lcv_status lcv_onnx_input_shape(const char *path, int64_t *dims, int32_t max_dims, int32_t *rank,
                                           lcv_error *error) {
    return lcv::guarded(error, LCV_MODEL_LOAD_FAILED, [&]() -> lcv_status {
        if (path == nullptr || dims == nullptr || rank == nullptr || max_dims < 0) {
            return lcv::fail(error, LCV_INVALID_ARGUMENT, "missing path or output buffer");
        }
        const std::vector<int64_t> shape = lcv::openvino::inputShape(path);
        if (shape.size() > static_cast<size_t>(max_dims)) return lcv::fail(error, LCV_INVALID_ARGUMENT, "the input has too many dimensions");
        std::copy(shape.begin(), shape.end(), dims);
        *rank = static_cast<int32_t>(shape.size());
        return LCV_OK;
    });
}
