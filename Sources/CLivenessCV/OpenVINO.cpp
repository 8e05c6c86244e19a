// The only file that includes OpenVINO's C API (see OpenVINO.hpp).
#include "OpenVINO.hpp"
#include "OnnxOutputs.hpp"

#include <openvino/c/openvino.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iterator>
#include <list>
#include <map>
#include <mutex>
#include <stdexcept>
#include <utility>

#include <sys/stat.h>

namespace lcv::openvino {
namespace {

constexpr size_t maxShapes = 8;

void check(ov_status_e status, const char *what) {
    if (status == OK) return;
    const char *detail = ov_get_last_err_msg();
    std::string message = std::string("OpenVINO ") + what + " failed (" + ov_get_error_info(status) + ")";
    if (detail != nullptr && *detail != '\0') message += ": " + std::string(detail).substr(0, 300);
    throw std::runtime_error(message);
}

/// The process's one OpenVINO core (thread-safe; plugins load once).
ov_core_t *core() {
    static ov_core_t *shared = [] {
        ov_core_t *created = nullptr;
        check(ov_core_create(&created), "core creation");
        return created;
    }();
    return shared;
}

struct CompiledModel {
    ov_compiled_model_t *handle = nullptr;
    ~CompiledModel() { if (handle != nullptr) ov_compiled_model_free(handle); }
};

struct Tensor {
    ov_tensor_t *handle = nullptr;
    ~Tensor() { if (handle != nullptr) ov_tensor_free(handle); }
};

struct Shape {
    ov_shape_t value{};
    ~Shape() { ov_shape_free(&value); }
};

/// What a compiled model is compiled for: an input shape, and the outputs kept (empty: all of them).
struct Variant {
    std::vector<int64_t> shape;
    std::vector<std::string> outputs;
    bool operator==(const Variant &other) const { return shape == other.shape && outputs == other.outputs; }
};

Output copyOut(ov_tensor_t *tensor) {
    Output output;
    Shape shape;
    check(ov_tensor_get_shape(tensor, &shape.value), "output shape");
    output.shape.assign(shape.value.dims, shape.value.dims + shape.value.rank);
    ov_element_type_e type{};
    check(ov_tensor_get_element_type(tensor, &type), "output type");
    if (type != F32) throw std::runtime_error("OpenVINO output is not float32");
    size_t count = 0;
    check(ov_tensor_get_size(tensor, &count), "output size");
    void *data = nullptr;
    check(ov_tensor_data(tensor, &data), "output data");
    const float *values = static_cast<const float *>(data);
    output.values.assign(values, values + count);
    return output;
}

}  // namespace

class Model {
public:
    /// Reads `path` for `workers` workers. Shared: one compiled model with a stream per worker. Per worker: a
    /// compiled model of one stream for each worker (a slot), whose inference runs on the worker's own thread; with
    /// more streams the plugin hands every inference to a stream thread of its own and back, which left the cores
    /// idle 8 % of the time under load. A network whose input shape is static is compiled here (for the first slot),
    /// at load (the loads run in parallel at startup), and for each other slot when its worker's session is made, on
    /// that worker's thread (`eager`), or on that worker's first inference; other shapes (the detector's, Iris's two-eye batch) compile on first use. The read model
    /// is freed after each compile (its weights would otherwise stay resident beside the compiled copy: 17 MB for the
    /// face descriptor's network) and read again from `path` for the next compile; the file must not change
    /// meanwhile (its size and modification time are checked). `deferred`: no copy is compiled here (the file is
    /// still read, so a broken file fails at load).
    Model(const std::string &path, int32_t workers, bool perWorker, bool eager, bool deferred, const Options &options)
        : path(path), options(options), dedicated(perWorker), eager(eager && !deferred), streams(perWorker ? 1 : std::max(1, workers)),
          slots(perWorker ? static_cast<size_t>(std::max(1, workers)) : 1) {
        stamp = fileStamp();
        ReadModel read{this->read({})};
        size_t outputCount = 0;
        check(ov_model_outputs_size(read.handle, &outputCount), "output count");
        // The outputs' names, for kept(); a model with an unnamed output is always compiled whole.
        for (size_t index = 0; index < outputCount; ++index) {
            ov_output_const_port_t *output = nullptr;
            char *name = nullptr;
            ov_status_e named = ov_model_const_output_by_index(read.handle, index, &output);
            if (named == OK) named = ov_port_get_any_name(output, &name);
            if (output != nullptr) ov_output_const_port_free(output);
            if (named != OK) {
                outputNames.clear();
                break;
            }
            outputNames.emplace_back(name);
            ov_free(name);
        }
        if (ov_model_is_dynamic(read.handle)) return;
        ov_output_const_port_t *port = nullptr;
        ov_status_e status = ov_model_const_input(read.handle, &port);
        Shape shape;
        if (status == OK) status = ov_const_port_get_shape(port, &shape.value);
        if (port != nullptr) ov_output_const_port_free(port);
        check(status, "input shape");
        staticShape.assign(shape.value.dims, shape.value.dims + shape.value.rank);
        if (deferred) return;
        Slot &first = this->slots[0];
        std::lock_guard<std::mutex> lock(first.mutex);
        first.cache.emplace_front(Variant{staticShape, {}}, compile(staticShape, read.handle));
    }

    /// The input shape when it is static, else empty.
    const std::vector<int64_t> &fixedShape() const { return staticShape; }

    /// `names` when they are some of the model's outputs but not all: a model compiled for them alone leaves out the
    /// layers only the others need (Iris's iris points, which the eye aspect ratio does not read). Else empty: all.
    std::vector<std::string> kept(const std::vector<std::string> &names) const {
        if (names.empty() || names.size() >= outputNames.size()) return {};
        for (const std::string &name : names) {
            if (std::find(outputNames.begin(), outputNames.end(), name) == outputNames.end()) return {};
        }
        return names;
    }

    /// The slot for a new session: one per worker, taken in turn.
    size_t claimSlot() { return nextSlot.fetch_add(1) % slots.size(); }

    /// True when each worker's session compiles its own copy of a static network as it is made.
    bool compilesPerSession() const { return dedicated && eager; }

    /// Slot `slot`'s compiled model for `variant`, compiling (and evicting the least recently used) when needed.
    std::shared_ptr<CompiledModel> compiled(size_t slot, const Variant &variant) {
        Slot &owner = slots[slot];
        std::lock_guard<std::mutex> lock(owner.mutex);
        for (auto entry = owner.cache.begin(); entry != owner.cache.end(); ++entry) {
            if (entry->first == variant) {
                owner.cache.splice(owner.cache.begin(), owner.cache, entry);
                return entry->second;
            }
        }
        if (fileStamp() != stamp) throw std::runtime_error("OpenVINO model file changed since it was loaded: " + path);
        ReadModel read{this->read(variant.outputs)};
        owner.cache.emplace_front(variant, compile(variant.shape, read.handle));
        if (owner.cache.size() > maxShapes) owner.cache.pop_back();
        return owner.cache.front().second;
    }

private:
    struct ReadModel {
        ov_model_t *handle;
        ~ReadModel() { ov_model_free(handle); }
    };

    /// One worker's compiled models, one per variant, most recently used first.
    struct Slot {
        std::mutex mutex;
        std::list<std::pair<Variant, std::shared_ptr<CompiledModel>>> cache;
    };

    /// The file's size and modification time.
    std::pair<int64_t, int64_t> fileStamp() const {
        struct stat info {};
        if (::stat(path.c_str(), &info) != 0) throw std::runtime_error("OpenVINO model file is gone: " + path);
        return {static_cast<int64_t>(info.st_size),
                static_cast<int64_t>(info.st_mtim.tv_sec) * 1000000000 + static_cast<int64_t>(info.st_mtim.tv_nsec)};
    }

    /// The model from `path`, with only the graph outputs named in `outputs` (empty: all of them) when the file
    /// allows it (lcv::onnx::keepingOutputs), else whole.
    ov_model_t *read(const std::vector<std::string> &outputs) const {
        ov_model_t *model = nullptr;
        if (!outputs.empty()) {
            std::ifstream file(path, std::ios::binary);
            const std::string pruned = lcv::onnx::keepingOutputs(std::string(std::istreambuf_iterator<char>(file), {}), outputs);
            if (!pruned.empty()) {
                check(ov_core_read_model_from_memory_buffer(core(), pruned.data(), pruned.size(), nullptr, &model),
                      "reading the model");
                return model;
            }
        }
        check(ov_core_read_model(core(), path.c_str(), nullptr, &model), "reading the model");
        return model;
    }

    /// Reshapes `model` to `shape` and compiles it with `streams` streams and ``options``.
    std::shared_ptr<CompiledModel> compile(const std::vector<int64_t> &shape, ov_model_t *model) const {
        ov_partial_shape_t partial{};
        check(ov_partial_shape_create_static(static_cast<int64_t>(shape.size()), shape.data(), &partial), "shape");
        ov_status_e reshaped = ov_model_reshape_single_input(model, partial);
        ov_partial_shape_free(&partial);
        check(reshaped, "reshape");
        auto compiled = std::make_shared<CompiledModel>();
        const int32_t perStream = options.threadsPerStream;
        const int32_t pinning = options.cpuPinning;
        const char *precision = options.bf16 ? "bf16" : "f32";
        const std::string threads = std::to_string(perStream * streams);
        const std::string streamCount = std::to_string(streams);
        const char *pin = pinning == 0 ? "NO" : "YES";
        ov_status_e status;
        if (perStream > 0 && pinning >= 0) {
            status = ov_core_compile_model(core(), model, "CPU", 8, &compiled->handle, ov_property_key_num_streams,
                                           streamCount.c_str(), ov_property_key_hint_inference_precision, precision,
                                           ov_property_key_inference_num_threads, threads.c_str(),
                                           ov_property_key_hint_enable_cpu_pinning, pin);
        } else if (perStream > 0) {
            status = ov_core_compile_model(core(), model, "CPU", 6, &compiled->handle, ov_property_key_num_streams,
                                           streamCount.c_str(), ov_property_key_hint_inference_precision, precision,
                                           ov_property_key_inference_num_threads, threads.c_str());
        } else if (pinning >= 0) {
            status = ov_core_compile_model(core(), model, "CPU", 6, &compiled->handle, ov_property_key_num_streams,
                                           streamCount.c_str(), ov_property_key_hint_inference_precision, precision,
                                           ov_property_key_hint_enable_cpu_pinning, pin);
        } else {
            status = ov_core_compile_model(core(), model, "CPU", 4, &compiled->handle, ov_property_key_num_streams,
                                           streamCount.c_str(), ov_property_key_hint_inference_precision, precision);
        }
        check(status, "compile");
        return compiled;
    }

    std::string path;
    Options options;
    std::pair<int64_t, int64_t> stamp;
    std::vector<int64_t> staticShape;
    std::vector<std::string> outputNames;
    bool dedicated;
    bool eager;
    int32_t streams;
    std::vector<Slot> slots;
    std::atomic<size_t> nextSlot{0};
};

struct Session::State {
    std::shared_ptr<Model> model;
    size_t slot = 0;
    struct Request {
        Variant variant;
        std::shared_ptr<CompiledModel> compiled;  // keeps it alive while this request exists
        ov_infer_request_t *handle = nullptr;
        ~Request() { if (handle != nullptr) ov_infer_request_free(handle); }
    };
    std::list<std::unique_ptr<Request>> requests;

    Request &request(const Variant &variant) {
        for (auto entry = requests.begin(); entry != requests.end(); ++entry) {
            if ((*entry)->variant == variant) {
                requests.splice(requests.begin(), requests, entry);
                return *requests.front();
            }
        }
        auto created = std::make_unique<Request>();
        created->variant = variant;
        created->compiled = model->compiled(slot, variant);
        check(ov_compiled_model_create_infer_request(created->compiled->handle, &created->handle), "infer request");
        requests.push_front(std::move(created));
        if (requests.size() > maxShapes) requests.pop_back();
        return *requests.front();
    }
};

Session::Session(std::shared_ptr<Model> model) : state(std::make_unique<State>()) {
    state->model = std::move(model);
    state->slot = state->model->claimSlot();
    // A static network is compiled for this worker now, on its thread, not on its first check.
    if (state->model->compilesPerSession() && !state->model->fixedShape().empty()) state->request(Variant{state->model->fixedShape(), {}});
}
Session::~Session() = default;

std::vector<Output> Session::infer(const float *input, const std::vector<int64_t> &shape,
                                   const std::vector<std::string> &names) {
    State::Request &request = state->request(Variant{shape, state->model->kept(names)});
    Shape tensorShape;
    check(ov_shape_create(static_cast<int64_t>(shape.size()), shape.data(), &tensorShape.value), "input shape");
    Tensor tensor;
    check(ov_tensor_create_from_host_ptr(F32, tensorShape.value, const_cast<float *>(input), &tensor.handle), "input tensor");
    check(ov_infer_request_set_input_tensor(request.handle, tensor.handle), "set input");
    check(ov_infer_request_infer(request.handle), "inference");
    std::vector<Output> outputs;
    if (names.empty()) {
        size_t count = 0;
        check(ov_compiled_model_outputs_size(request.compiled->handle, &count), "output count");
        for (size_t index = 0; index < count; ++index) {
            Tensor output;
            check(ov_infer_request_get_output_tensor_by_index(request.handle, index, &output.handle), "output");
            outputs.push_back(copyOut(output.handle));
        }
    } else {
        for (const std::string &name : names) {
            Tensor output;
            check(ov_infer_request_get_tensor(request.handle, name.c_str(), &output.handle), "output by name");
            outputs.push_back(copyOut(output.handle));
        }
    }
    return outputs;
}

std::shared_ptr<Model> load(const std::string &path, int32_t workers, bool perWorker, bool eager, bool deferred,
                            const Options &options) {
    return std::make_shared<Model>(path, workers, perWorker, eager, deferred, options);
}

bool cpuCapability(const std::string &capability) {
    char *listed = nullptr;
    if (ov_core_get_property(core(), "CPU", ov_property_key_device_capabilities, &listed) != OK || listed == nullptr) return false;
    // A space-separated list, e.g. "FP32 BF16 INT8 BIN EXPORT_IMPORT".
    const std::string text = std::string(" ") + listed + " ";
    ov_free(listed);
    return text.find(" " + capability + " ") != std::string::npos;
}

std::vector<int64_t> inputShape(const std::string &path) {
    ov_model_t *model = nullptr;
    check(ov_core_read_model(core(), path.c_str(), nullptr, &model), "reading the model");
    std::vector<int64_t> dims;
    ov_output_const_port_t *port = nullptr;
    ov_partial_shape_t shape{};
    ov_status_e status = ov_model_const_input(model, &port);
    if (status == OK) status = ov_port_get_partial_shape(port, &shape);
    if (status == OK) {
        for (int64_t index = 0; index < shape.rank.max; ++index) {
            const ov_dimension_t &dimension = shape.dims[index];
            dims.push_back(dimension.min == dimension.max ? dimension.max : -1);
        }
        ov_partial_shape_free(&shape);
    }
    if (port != nullptr) ov_output_const_port_free(port);
    ov_model_free(model);
    check(status, "reading the input shape");
    return dims;
}

std::string version() {
    ov_version_t version{};
    if (ov_get_openvino_version(&version) != OK) return "unknown";
    std::string text = version.buildNumber != nullptr ? version.buildNumber : "unknown";
    ov_version_free(&version);
    return text;
}

}  // namespace lcv::openvino
