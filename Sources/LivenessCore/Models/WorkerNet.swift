import CLivenessCV

/// One worker's net on a ``SharedNetwork`` (an OpenVINO infer request set or a `cv::dnn::Net`), freed with
/// it. The one wrapper every network type (``FaceDetector``, ``AntiSpoofClassifier``, ``LandmarkNetwork``,
/// ``FaceEmbedder``) holds. Used by one thread at a time.
final class WorkerNet {
    let handle: OpaquePointer
    /// The file it was loaded from, for errors.
    let path: String

    init(_ network: SharedNetwork) throws(ModelError) {
        handle = try network.makeNet()
        path = network.path
    }

    deinit { lcv_net_free(handle) }

    /// Runs `body` (one inference on a blank input) at load: a network that fails it is a broken or wrong
    /// file, reported as ``ModelError`` `corrupt` with `expectation` and the failure.
    func probe(_ expectation: String, _ body: () throws -> Void) throws(ModelError) {
        do {
            try body()
        } catch {
            throw .corrupt(path, "\(expectation): \(error)")
        }
    }
}
