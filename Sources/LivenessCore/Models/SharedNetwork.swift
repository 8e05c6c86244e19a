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

    /// Loads `path` (ONNX, or a Caffe prototxt with `weights`) for `workers` concurrent workers. On OpenVINO,
    /// `perWorker` compiles a one-stream model for each worker, whose inference then runs on the worker's own
    /// thread (the hot path's networks); otherwise one compiled model has a stream per worker and the plugin's
    /// stream threads run the inferences (less memory, a hand-off per inference).
    init(
        engine: InferenceEngine, path: String, weights: String? = nil, workers: Int, perWorker: Bool, what: String
    ) throws(ModelError) {
        var handle: OpaquePointer?
        let sharing = perWorker ? LCV_SHARING_PER_WORKER : LCV_SHARING_STREAMS
        do {
            try BridgeError.check { lcv_model_load(engine.bridge, path, weights, Int32(workers), sharing, &handle, $0) }
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
