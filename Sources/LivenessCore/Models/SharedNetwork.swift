import CLivenessCV

/// One network file loaded once for the process on one ``InferenceEngine``. Workers make their own
/// nets from it (``makeNet()``): on OpenVINO infer requests on the shared compiled model, on OpenCV
/// their own `cv::dnn::Net`.
final class SharedNetwork: @unchecked Sendable {  // lcv_model is safe to share between threads
    let path: String
    /// What the network is, for errors, e.g. "landmark model".
    let what: String
    let engine: InferenceEngine
    private let model: OpaquePointer

    /// Loads `path` (ONNX, or a Caffe prototxt with `weights`) for `workers` concurrent workers, shared on OpenVINO
    /// as `sharing` says: the hot path's networks per worker (inference on the worker's own thread), the rest
    /// with one compiled model and a stream per worker (less memory, a hand-off to the plugin's thread per inference).
    /// `deferred`: compiled on first use only (`lcv_model_load`). `options`: how OpenVINO compiles every copy.
    init(
        engine: InferenceEngine, path: String, weights: String? = nil, workers: Int, sharing: lcv_sharing,
        deferred: Bool = false, options: lcv_openvino_options = OpenVINOCompilation().bridge, what: String
    ) throws(ModelError) {
        var handle: OpaquePointer?
        var options = options
        do {
            try BridgeError.check {
                lcv_model_load(engine.bridge, path, weights, Int32(workers), sharing, deferred ? 1 : 0, &options, &handle, $0)
            }
        } catch {
            throw .corrupt(weights ?? path, "\(engine.rawValue) could not load the \(what): \(error.message)")
        }
        guard let handle else { throw .corrupt(path, "no network") }
        self.model = handle
        self.path = path
        self.what = what
        self.engine = engine
    }

    deinit { lcv_model_free(model) }

    /// A net for one worker thread; free it with `lcv_net_free`.
    func makeNet() throws(ModelError) -> OpaquePointer {
        var handle: OpaquePointer?
        do {
            try BridgeError.check { lcv_net_create(model, &handle, $0) }
        } catch {
            throw .corrupt(path, "\(engine.rawValue) could not make a worker's \(what): \(error.message)")
        }
        guard let handle else { throw .corrupt(path, "no network") }
        return handle
    }
}
