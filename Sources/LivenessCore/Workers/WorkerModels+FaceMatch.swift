extension WorkerModels {
    /// The descriptor of the face in `box`: Face Mesh (two passes) for the five alignment points, then the
    /// face-recognition network. `.unavailable` when Face Mesh sees no face there; nil without the models.
    /// Throws `internal_error` only when a network fails.
    func reference(_ image: DecodedImage, box: FaceBox) throws(LivenessError) -> FaceReference? {
        guard let blink, let embedder else { return nil }
        return try BridgeError.domain("the face descriptor") { () throws(BridgeError) -> FaceReference in
            guard let points = try blink.alignmentPoints(image, box: box),
                let embedding = try embedder.embedIfAligned(image, points: points)
            else { return .unavailable }
            return .embedding(embedding)
        }
    }
}
