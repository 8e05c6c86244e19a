/// The same-face check of a live session bound to a selfie: every frame with an aligned face gives a descriptor,
/// and the session's faces must be the selfie's, as in the upload flow (``FaceMatchPolicy``).
///
/// Frames between actions (the neutral start, the pauses) are compared as an upload's sampled frames: their
/// median within ``FaceMatchPolicy/threshold`` of the selfie, each within ``FaceMatchPolicy/consistencyBound`` of
/// the median. Frames while a cued action is answered (the blink included) or the light code shows (a coloured face
/// moves its descriptor) are compared as an upload's movement peaks: each within ``FaceMatchPolicy/actionBound`` of the selfie. So another person cannot do the actions
/// for the selfie's face, whole or spliced in, on any frame: every frame is compared, not a sample.
/// At most ``limit`` descriptors are kept (40 s at 20 fps); later frames are not compared.
public struct LiveFaceCheck: Hashable, Sendable {
    public static let limit = 800
    public private(set) var between: [FaceEmbedding] = []
    public private(set) var answering: [FaceEmbedding] = []

    public init() {}

    /// Whether another descriptor is still wanted.
    public var wantsMore: Bool { between.count + answering.count < Self.limit }

    /// Adds a frame's descriptor, taken while an action was being answered or not.
    public mutating func add(_ embedding: FaceEmbedding, answering isAnswering: Bool) {
        guard wantsMore else { return }
        if isAnswering { answering.append(embedding) } else { between.append(embedding) }
    }

    /// The comparison with the selfie's `reference` and its reasons (`face_mismatch`, `face_changed`).
    public func decide(reference: FaceReference, policy: FaceMatchPolicy) -> (match: FaceMatch, reasons: [Reason]) {
        policy.decide(reference: reference, frames: between, actionPeaks: answering)
    }
}
