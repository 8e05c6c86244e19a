/// Everything one worker thread owns: its own copy of every network.
public final class WorkerModels {
    /// Detection and anti-spoofing.
    public let passive: PassivePipeline
    /// Face Mesh and Iris, when those models are installed.
    public let blink: BlinkPipeline?

    init(catalog: ModelCatalog, policy: LivenessPolicy) throws(ModelError) {
        passive = try PassivePipeline(catalog: catalog, policy: policy)
        if let mesh = catalog.faceMesh, let iris = catalog.iris {
            blink = try BlinkPipeline(faceMeshPath: mesh, irisPath: iris)
        } else {
            blink = nil
        }
    }
}
