import CLivenessCV

/// Loading an ONNX model into a `cv::dnn::Net` handle, with the error every network reports.
enum ONNXNetwork {
    /// The loaded network (free it with `lcv_net_free`); `what` names the model in the error, e.g. "landmark model".
    static func load(_ path: String, what: String) throws(ModelError) -> OpaquePointer {
        var handle: OpaquePointer?
        do {
            try BridgeError.check { lcv_net_load_onnx(path, &handle, $0) }
        } catch {
            throw .corrupt(path, "OpenCV could not load the \(what): \(error.message)")
        }
        guard let handle else { throw .corrupt(path, "no network") }
        return handle
    }
}
