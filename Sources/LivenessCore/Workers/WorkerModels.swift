/// Everything one worker thread owns: its own copy of every network.
public final class WorkerModels {
    /// Detection and anti-spoofing.
    public let passive: PassivePipeline
    /// Face Mesh and Iris, when those models are installed.
    public let blink: BlinkPipeline?
    /// The face-recognition network, when it and the blink models are installed.
    public let embedder: FaceEmbedder?

    /// Makes this worker's nets from the shared `models`.
    public init(models: LoadedModels, policy: LivenessPolicy) throws(ModelError) {
        passive = try PassivePipeline(models: models, policy: policy)
        if let mesh = models.faceMesh, let iris = models.iris {
            blink = try BlinkPipeline(faceMesh: mesh, iris: iris)
        } else {
            blink = nil
        }
        embedder = try models.faceRecognition.map { network throws(ModelError) in try FaceEmbedder(network: network) }
    }
}
