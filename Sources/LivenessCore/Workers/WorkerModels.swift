/// Everything one worker thread owns: its own copy of every network.
public final class WorkerModels {
    /// Detection and anti-spoofing.
    public let passive: PassivePipeline
    /// Face Mesh and Iris, when those models are installed.
    public let blink: BlinkPipeline?
    /// The face-recognition network, when it and the blink models are installed.
    public let embedder: FaceEmbedder?

    /// Makes this worker's nets from the shared `models`. `probe`: try Face Mesh, Iris and the face descriptor on
    /// a blank input now (the first worker does it for all; on OpenVINO the others' landmark copies then compile on
    /// their first clip), when `models` compiles them at startup (``LoadedModels/keepsLiveNetworks``).
    public init(models: LoadedModels, policy: LivenessPolicy, probe: Bool = true) throws(ModelError) {
        passive = try PassivePipeline(models: models, policy: policy)
        let probeLive = probe && models.keepsLiveNetworks
        if let mesh = models.faceMesh, let iris = models.iris {
            blink = try BlinkPipeline(faceMesh: mesh, iris: iris, probe: probeLive)
        } else {
            blink = nil
        }
        embedder = try models.faceRecognition.map { network throws(ModelError) in
            try FaceEmbedder(network: network, probe: probeLive)
        }
    }
}
