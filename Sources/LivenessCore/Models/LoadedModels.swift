import Foundation

/// The catalog's networks loaded once for the process on one engine. Every worker's ``WorkerModels``
/// makes its own nets from these.
public final class LoadedModels: Sendable {
    public let catalog: ModelCatalog
    public let engine: InferenceEngine
    let detector: SharedNetwork
    let classifiers: [SharedNetwork]
    let faceMesh: SharedNetwork?
    let iris: SharedNetwork?
    /// Loaded only with the blink models (``ModelCatalog/supportsFaceMatch``).
    let faceRecognition: SharedNetwork?

    /// Loads every network in `catalog` on `engine`, for `streams` workers.
    ///
    /// - Throws: ``ModelError`` naming the missing or broken file. OpenVINO needs the detector's ONNX
    ///   conversion (``ModelCatalog/detectorONNX``).
    public init(catalog: ModelCatalog, engine: InferenceEngine, streams: Int) throws(ModelError) {
        self.catalog = catalog
        self.engine = engine
        switch engine {
        case .opencv:
            detector = try SharedNetwork(
                engine: engine, path: catalog.detectorPrototxt, weights: catalog.detectorWeights, streams: streams,
                what: "Caffe detector")
        case .openvino:
            guard let onnx = catalog.detectorONNX else {
                let folder = (catalog.detectorPrototxt as NSString).deletingLastPathComponent
                throw .missing(
                    "\(folder)/\(ModelCatalog.detectorONNXName)",
                    "the OpenVINO engine needs the detector converted to ONNX: run scripts/fetch-models, or set INFERENCE_ENGINE=opencv")
            }
            detector = try SharedNetwork(engine: engine, path: onnx, streams: streams, what: "detector")
        }
        var classifiers: [SharedNetwork] = []
        for spec in catalog.classifiers {
            classifiers.append(try SharedNetwork(engine: engine, path: spec.path, streams: streams, what: "ONNX classifier"))
        }
        self.classifiers = classifiers
        faceMesh = try catalog.faceMesh.map { path throws(ModelError) in
            try SharedNetwork(engine: engine, path: path, streams: streams, what: "landmark model")
        }
        iris = try catalog.iris.map { path throws(ModelError) in
            try SharedNetwork(engine: engine, path: path, streams: streams, what: "landmark model")
        }
        faceRecognition = try catalog.supportsFaceMatch
            ? catalog.faceRecognition.map { path throws(ModelError) in
                try SharedNetwork(engine: engine, path: path, streams: streams, what: "face-recognition model")
            } : nil
    }
}
