import Foundation
import Synchronization

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

    /// Loads every network in `catalog` on `engine`, for `workers` workers. On OpenVINO, with `passivePerWorker`,
    /// the passive check's networks (detector, classifiers: three inferences per image) are compiled per worker,
    /// so that inference runs on the worker's thread; the video networks share one compiled model with a stream
    /// per worker (a second copy of the face descriptor's would cost 47 MB).
    ///
    /// - Throws: ``ModelError`` naming the missing or broken file. OpenVINO needs the detector's ONNX
    ///   conversion (``ModelCatalog/detectorONNX``).
    public init(catalog: ModelCatalog, engine: InferenceEngine, workers: Int, passivePerWorker: Bool = true) throws(ModelError) {
        self.catalog = catalog
        self.engine = engine
        var files: [(path: String, weights: String?, what: String, perWorker: Bool)] = []
        switch engine {
        case .opencv:
            files.append((catalog.detectorPrototxt, catalog.detectorWeights, "Caffe detector", passivePerWorker))
        case .openvino:
            guard let onnx = catalog.detectorONNX else {
                let folder = (catalog.detectorPrototxt as NSString).deletingLastPathComponent
                throw .missing(
                    "\(folder)/\(ModelCatalog.detectorONNXName)",
                    "the OpenVINO engine needs the detector converted to ONNX: run scripts/fetch-models, or set INFERENCE_ENGINE=opencv")
            }
            files.append((onnx, nil, "detector", passivePerWorker))
        }
        files += catalog.classifiers.map { ($0.path, nil, "ONNX classifier", passivePerWorker) }
        let optional = [
            (catalog.faceMesh, "landmark model"), (catalog.iris, "landmark model"),
            (catalog.supportsFaceMatch ? catalog.faceRecognition : nil, "face-recognition model"),
        ]
        files += optional.compactMap { path, what in path.map { ($0, nil, what, false) } }
        // Loading (OpenVINO compiles here) runs in parallel; the first failure in file order is reported.
        let list = files
        let results = Self.loadAll(list.count) { index throws(ModelError) in
            let file = list[index]
            return try SharedNetwork(
                engine: engine, path: file.path, weights: file.weights, workers: workers, perWorker: file.perWorker,
                what: file.what)
        }
        var networks: [SharedNetwork] = []
        for result in results { networks.append(try result.get()) }
        detector = networks.removeFirst()
        classifiers = Array(networks.prefix(catalog.classifiers.count))
        var rest = networks.dropFirst(catalog.classifiers.count).makeIterator()
        faceMesh = catalog.faceMesh == nil ? nil : rest.next()
        iris = catalog.iris == nil ? nil : rest.next()
        faceRecognition = catalog.supportsFaceMatch && catalog.faceRecognition != nil ? rest.next() : nil
    }

    private static func loadAll(
        _ count: Int, _ load: @Sendable (Int) throws(ModelError) -> SharedNetwork
    ) -> [Result<SharedNetwork, ModelError>] {
        let results = Mutex([Result<SharedNetwork, ModelError>?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = Result { () throws(ModelError) in try load(index) }
            results.withLock { $0[index] = result }
        }
        return results.withLock { $0.map { $0! } }
    }
}
