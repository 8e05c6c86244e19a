/// How a bound blink video is compared with its selfie.
///
/// The selfie's descriptor is compared with the element-wise median descriptor of at least
/// ``minimumFrames`` open-eye frames spread over the clip. Measured with dlib's model (82 faces of 23
/// people): genuine pairs 0.29–0.63, impostors 0.61–1.11, frames of one clip within 0.22 of each other.
///
/// Configuration keys (through ``PassiveConfiguration``): `FACE_MATCH_THRESHOLD` (0.5).
public struct FaceMatchPolicy: Hashable, Sendable {
    /// The largest selfie-to-video distance that is the same face.
    public var threshold = 0.5
    /// The largest distance of any sampled frame from the video's median (a face swapped inside the clip).
    public var consistencyBound = 0.3
    /// Frames sampled over the clip for descriptors.
    public var samples = 8
    /// Fewer compared frames than this cannot match.
    public var minimumFrames = 5

    public init() {}

    /// The comparison of `frames` (descriptors of sampled video frames) with `reference`, and the reasons
    /// it fails: `face_mismatch` (another face, or nothing to compare), `face_changed` (the face is not the
    /// same through the clip).
    public func decide(reference: FaceReference, frames: [FaceEmbedding]) -> (match: FaceMatch, reasons: [String]) {
        guard case .embedding(let selfie) = reference, frames.count >= minimumFrames,
            let median = FaceEmbedding.median(frames)
        else {
            return (
                FaceMatch(matched: false, distance: nil, framesCompared: frames.count, largestFrameDistance: nil, consistent: false),
                ["face_mismatch"]
            )
        }
        let distance = selfie.distance(to: median)
        let largest = frames.map { $0.distance(to: median) }.max() ?? 0
        let match = FaceMatch(
            matched: distance <= threshold, distance: distance, framesCompared: frames.count, largestFrameDistance: largest,
            consistent: largest <= consistencyBound)
        var reasons: [String] = []
        if !match.matched { reasons.append("face_mismatch") }
        if !match.consistent { reasons.append("face_changed") }
        return (match, reasons)
    }

    /// Which of `observations` (one contiguous part of a clip) to take descriptors from: up to `count`
    /// frames with a face and open eyes (eye aspect ratio at least the part's median), spread evenly.
    public static func pick(_ observations: [FrameObservation], count: Int) -> [Int] {
        let withFace = observations.indices.filter { observations[$0].ear != nil && observations[$0].alignment.count == 5 }
        guard count > 0, !withFace.isEmpty else { return [] }
        let ears = withFace.compactMap { observations[$0].ear }.sorted()
        let median = ears[ears.count / 2]
        let open = withFace.filter { (observations[$0].ear ?? 0) >= median }
        guard open.count > count else { return open }
        return (0..<count).map { open[Int((Double($0) + 0.5) * Double(open.count) / Double(count))] }
    }
}
