import CLivenessCV

/// The engine that runs every network. Decoding, image processing and video stay on OpenCV either way.
///
/// Configuration key (through ``PassiveConfiguration``): `INFERENCE_ENGINE` (`inference.engine`),
/// `openvino` (default) or `opencv`.
public enum InferenceEngine: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// OpenVINO's CPU plugin, from the pinned PyPI wheel (scripts/fetch-openvino). The passive check's networks
    /// are compiled once per worker (inference on the worker's thread); the video networks once, with one stream
    /// per worker. Each worker has its own infer requests.
    case openvino
    /// OpenCV 4.6's `cv::dnn`, each worker with its own nets: the parity reference.
    case opencv

    var bridge: lcv_engine { self == .openvino ? LCV_ENGINE_OPENVINO : LCV_ENGINE_OPENCV }

    /// The engine and its runtime's version, e.g. `openvino 2026.4.1-22982-...`.
    public var description: String {
        "\(rawValue) \(String(cString: self == .openvino ? lcv_openvino_version() : lcv_opencv_version()))"
    }
}
