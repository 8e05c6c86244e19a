/// What one worker saw in its contiguous segment of a blink clip.
struct SegmentObservation: Sendable {
    /// The segment's position among the clip's segments.
    var segment: Int
    /// One observation per frame of the segment.
    var observations: [FrameObservation]
    /// The passive results of the sampled frames in the segment that had a face.
    var passive: [PassiveResult]
    /// Descriptors of open-eye frames, for a bound challenge.
    var embeddings: [FaceEmbedding]
}
