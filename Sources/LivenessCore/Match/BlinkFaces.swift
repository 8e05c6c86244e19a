/// The face descriptors of one counted blink's frames (``BlinkEvent/frames``), for the same-face check: the
/// person who closes the eyes must be the selfie's, and the same as just before and just after.
public struct BlinkFaces: Hashable, Sendable {
    public var event: BlinkEvent
    /// Descriptors by frame index; a frame of the blink without one could not be compared.
    public var embeddings: [Int: FaceEmbedding]

    public init(event: BlinkEvent, embeddings: [Int: FaceEmbedding]) {
        self.event = event
        self.embeddings = embeddings
    }

    /// Every frame of the blink has a descriptor.
    public var complete: Bool { event.frames.allSatisfy { embeddings[$0] != nil } }

    /// The largest distance of a frame of the blink from `selfie`.
    func largestDistance(to selfie: FaceEmbedding) -> Double? {
        event.frames.compactMap { embeddings[$0]?.distance(to: selfie) }.max()
    }

    /// The largest distance of a closed-eye frame from the open frame before or after it: a face that changes
    /// through the blink.
    var largestJump: Double? {
        guard let before = embeddings[event.openBefore], let after = embeddings[event.openAfter] else { return nil }
        return event.closed.compactMap { embeddings[$0] }.flatMap { [$0.distance(to: before), $0.distance(to: after)] }.max()
    }
}
