/// The selfie a challenge is bound to, as the blink analysis compares against it.
public enum FaceReference: Hashable, Sendable {
    /// The selfie's face descriptor.
    case embedding(FaceEmbedding)
    /// The challenge is bound, but no descriptor could be taken from the selfie (no face landmarks):
    /// no video can match it.
    case unavailable
}
