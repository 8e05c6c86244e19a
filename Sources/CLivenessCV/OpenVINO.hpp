// The OpenVINO engine behind lcv_net, in plain C++ types: openvino/c/openvino.h #defines BOOLEAN, which
// breaks OpenCV's headers, so only OpenVINO.cpp includes it and this header includes neither.
// Errors are thrown as std::runtime_error; the C entry points' guard turns them into lcv_error.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lcv::openvino {

/// How every copy of a model is compiled (lcv_openvino_options).
struct Options {
    /// Threads per stream (0: the plugin's choice).
    int32_t threadsPerStream = 0;
    /// 0 off, 1 on, -1 the plugin's choice.
    int32_t cpuPinning = -1;
    /// bf16 instead of f32 (INFERENCE_PRECISION_HINT).
    bool bf16 = false;
};

/// One network compiled on the CPU plugin per input shape, with its ``Options``: shared (one stream per worker) or per
/// worker (one compiled model of one stream for each). Compiled models are cached per input shape and outputs kept
/// (least recently used first out, `maxShapes` of them), so the detector's aspect-ratio-dependent inputs cost a
/// compile only the first time, and a network asked for some of its outputs is compiled without the layers only the
/// others need. The file is read for each compile and the read model freed after it (refused if the file changed
/// since the first read). Thread-safe.
class Model;

/// One output of an inference, copied out of OpenVINO's tensor.
struct Output {
    std::vector<int64_t> shape;
    std::vector<float> values;
};

/// One worker's infer requests on a ``Model`` (one per compiled shape). Used by one thread at a time.
class Session {
public:
    explicit Session(std::shared_ptr<Model> model);
    ~Session();
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    /// Runs the network on one float32 input of `shape` and returns the outputs named in `names`, or
    /// every output in order when `names` is empty.
    std::vector<Output> infer(const float *input, const std::vector<int64_t> &shape, const std::vector<std::string> &names);

private:
    struct State;
    std::unique_ptr<State> state;
};

/// Reads `path` (ONNX) for the CPU plugin, for `workers` workers, compiled per worker or shared; per worker,
/// `eager` compiles a static network for each worker when its session is made, else on its first inference.
/// `deferred`: nothing is compiled here or when sessions are made; every copy compiles on its first inference.
/// Every copy is compiled with `options`. Throws std::runtime_error with OpenVINO's message.
std::shared_ptr<Model> load(const std::string &path, int32_t workers, bool perWorker, bool eager, bool deferred,
                            const Options &options);

/// Whether the CPU plugin lists `capability` (e.g. "BF16") among its OPTIMIZATION_CAPABILITIES.
bool cpuCapability(const std::string &capability);

/// The first input's shape of the ONNX file at `path` (dynamic dimensions: -1), read without compiling.
std::vector<int64_t> inputShape(const std::string &path);

/// The OpenVINO runtime's version, e.g. "2026.4.1-22982-...".
std::string version();

}  // namespace lcv::openvino
