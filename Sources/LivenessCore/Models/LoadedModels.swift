import CLivenessCV
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
    /// Whether the live networks (Face Mesh, Iris, the face descriptor) are compiled at startup, where the first
    /// worker probes them (``WorkerModels``). If not (OpenVINO only), they are read and parsed at startup and each
    /// copy compiles on its first inference: a process that has opened no challenge holds about 95 MiB less.
    public let keepsLiveNetworks: Bool

    /// Loads every network in `catalog` on `engine`, for `workers` workers. On OpenVINO, with `perWorker`, the
    /// networks that run on every image and every video frame are compiled per worker, so that inference runs on
    /// the worker's thread: the detector and classifiers for each worker at startup, Face Mesh and Iris on each
    /// worker's first clip (startup stays within a second of the OpenCV engine's). The face descriptor, run on a
    /// few frames per clip, always shares one compiled model with a stream per worker (a copy is 47 MB).
    /// `keepLiveNetworks`: see ``keepsLiveNetworks`` (always true on OpenCV, whose nets hold their weights once read).
    /// `compilation`: how OpenVINO compiles every copy of every network (ignored on OpenCV); its precision applies to
    /// the detector and the classifiers only, the video networks always compute in f32.
    ///
    /// - Throws: ``ModelError`` naming the missing or broken file. OpenVINO needs the detector's ONNX
    ///   conversion (``ModelCatalog/detectorONNX``).
    public init(
        catalog: ModelCatalog, engine: InferenceEngine, workers: Int, perWorker: Bool = true, keepLiveNetworks: Bool = true,
        compilation: OpenVINOCompilation = OpenVINOCompilation()
    ) throws(ModelError) {
        self.catalog = catalog
        self.engine = engine
        let keep = keepLiveNetworks || engine == .opencv
        self.keepsLiveNetworks = keep
        let passive = perWorker ? LCV_SHARING_PER_WORKER : LCV_SHARING_STREAMS
        let video = perWorker ? LCV_SHARING_PER_WORKER_ON_USE : LCV_SHARING_STREAMS
        // The video networks always compute in f32: bf16's landmark noise alone reads as motion (a still photo's clip
        // measured 0.0019 instead of 0.0004 and lost `static_video`; docs/performance.md).
        var videoOptions = compilation
        videoOptions.precision = .f32
        var files: [(path: String, weights: String?, what: String, sharing: lcv_sharing, deferred: Bool, options: OpenVINOCompilation)] = []
        switch engine {
        case .opencv:
            files.append((catalog.detectorPrototxt, catalog.detectorWeights, "Caffe detector", passive, false, compilation))
        case .openvino:
            guard let onnx = catalog.detectorONNX else {
                let folder = (catalog.detectorPrototxt as NSString).deletingLastPathComponent
                throw .missing(
                    "\(folder)/\(ModelCatalog.detectorONNXName)",
                    "the OpenVINO engine needs the detector converted to ONNX: run scripts/fetch-models, or set INFERENCE_ENGINE=opencv")
            }
            files.append((onnx, nil, "detector", passive, false, compilation))
        }
        files += catalog.classifiers.map { ($0.path, nil, "ONNX classifier", passive, false, compilation) }
        // Iris always runs on both eyes as one batch for its eye contour alone (``BlinkPipeline``), never on its file's
        // static shape with both heads, which is all a compile at load could make: it compiles on first use, or at the
        // first worker's probe when the live networks are kept.
        let live = [
            (catalog.faceMesh, "landmark model", video, !keep), (catalog.iris, "landmark model", video, true),
            (catalog.supportsFaceMatch ? catalog.faceRecognition : nil, "face-recognition model", LCV_SHARING_STREAMS, !keep),
        ]
        files += live.compactMap { path, what, own, deferred in path.map { ($0, nil, what, own, deferred, videoOptions) } }
        // Loading (OpenVINO compiles here) runs in parallel; the first failure in file order is reported.
        let list = files
        let results = Self.loadAll(list.count) { index throws(ModelError) in
            let file = list[index]
            return try SharedNetwork(
                engine: engine, path: file.path, weights: file.weights, workers: workers, sharing: file.sharing,
                deferred: file.deferred, options: file.options.bridge, what: file.what)
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
