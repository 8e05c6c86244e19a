/// Everything one worker thread owns: its own copy of every network.
public final class WorkerModels {
    /// Detection and anti-spoofing.
    public let passive: PassivePipeline
    /// Face Mesh and Iris, when those models are installed.
    public let blink: BlinkPipeline?
    /// The face-recognition network, when it and the blink models are installed.
    public let embedder: FaceEmbedder?

    init(catalog: ModelCatalog, policy: LivenessPolicy) throws(ModelError) {
        passive = try PassivePipeline(catalog: catalog, policy: policy)
        if let mesh = catalog.faceMesh, let iris = catalog.iris {
            blink = try BlinkPipeline(faceMeshPath: mesh, irisPath: iris)
        } else {
            blink = nil
        }
        embedder = try catalog.supportsFaceMatch ? catalog.faceRecognition.map { path throws(ModelError) in try FaceEmbedder(path: path) } : nil
    }
}
