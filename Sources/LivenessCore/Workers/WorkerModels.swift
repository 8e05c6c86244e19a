/// Everything one worker thread owns: its own copy of every network.
public final class WorkerModels {
    /// Detection and anti-spoofing.
    public let passive: PassivePipeline
    /// Face Mesh and Iris, when those models are installed.
    public let blink: BlinkPipeline?
    /// The face-recognition network, when it and the blink models are installed.
    public let embedder: FaceEmbedder?

    /// Makes this worker's nets from the shared `models`. `probeLandmarks`: try Face Mesh and Iris on a blank
    /// input now (the first worker does it for all; on OpenVINO the others' copies then compile on their first clip).
    public init(models: LoadedModels, policy: LivenessPolicy, probeLandmarks: Bool = true) throws(ModelError) {
        passive = try PassivePipeline(models: models, policy: policy)
        if let mesh = models.faceMesh, let iris = models.iris {
            blink = try BlinkPipeline(faceMesh: mesh, iris: iris, probe: probeLandmarks)
        } else {
            blink = nil
        }
        embedder = try models.faceRecognition.map { network throws(ModelError) in try FaceEmbedder(network: network) }
    }
}
