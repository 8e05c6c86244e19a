/// How a bound blink video is compared with its selfie.
///
/// The selfie's descriptor is compared with the element-wise median descriptor of at least
/// ``minimumFrames`` open-eye frames spread over the clip. Measured with dlib's model (82 faces of 23
/// people): genuine pairs 0.29–0.63, impostors 0.61–1.11, frames of one clip within 0.22 of each other.
///
/// The blink itself is compared too, since sampled open-eye frames never see it: every frame of each counted
/// blink (``BlinkFaces``: the open frame before, the closed frames, the open frame after) must be the selfie's
/// face, and each closed-eye frame must be within ``continuityBound`` of the open frames around it. Otherwise
/// another person's closed eyes laid over the victim's face box (an aligned splice) would supply the blink.
///
/// Reads `FACE_MATCH_THRESHOLD` (``threshold``) through ``PassiveConfiguration``.
public struct FaceMatchPolicy: Hashable, Sendable {
    /// The largest selfie-to-video distance that is the same face.
    public var threshold = 0.5
    /// The largest distance of any sampled frame from the video's median (a face swapped inside the clip).
    public var consistencyBound = 0.3
    /// The largest distance of a closed-eye frame from the open frames just before and after its blink. Measured:
    /// 0.19–0.20 in the shared blink clips (every encoding), 0.89 for another person's closed eyes spliced in;
    /// impostor pairs start at 0.61.
    public var continuityBound = 0.4
    /// Frames sampled over the clip for descriptors.
    public var samples = 8
    /// Fewer compared frames than this cannot match.
    public var minimumFrames = 5
    /// The largest distance from the selfie of an action clip's movement peak (its most turned, tilted or open
    /// frame). Looser than ``threshold``: a turned face moves the descriptor (the peaks of renders turned 20–23°
    /// lie 0.37–0.38 from the selfie; the spliced man's 0.90); another person's face starts at 0.61. Without it, only near-neutral
    /// frames would be compared, and another person's head could do the movements in an aligned splice.
    public var actionBound = 0.6
    /// The most frames around blinks that are compared; a clip with more counted blinks than fit is not compared.
    public var maxBlinkFrames = 96

    public init() {}

    /// The comparison of `frames` (descriptors of sampled video frames) and `blinks` (of each counted blink's
    /// frames) with `reference`, and the reasons it fails: `face_mismatch` (another face, or nothing to compare),
    /// `face_changed` (the face is not the same through the clip, or a blink or an action's peak is another face's
    /// or could not be compared).
    public func decide(
        reference: FaceReference, frames: [FaceEmbedding], blinks: [BlinkFaces] = [], actionPeaks: [FaceEmbedding?] = []
    ) -> (match: FaceMatch, reasons: [Reason]) {
        guard case .embedding(let selfie) = reference, frames.count >= minimumFrames,
            let median = FaceEmbedding.median(frames)
        else {
            return (
                FaceMatch(matched: false, distance: nil, framesCompared: frames.count, largestFrameDistance: nil, consistent: false),
                [.faceMismatch]
            )
        }
        let distance = selfie.distance(to: median)
        let largest = frames.map { $0.distance(to: median) }.max() ?? 0
        let blinkDistance = blinks.compactMap { $0.largestDistance(to: selfie) }.max()
        let jump = blinks.compactMap(\.largestJump).max()
        let matched = distance <= threshold
        // A clip that is another face altogether is face_mismatch; its blinks being that face too changes nothing.
        let blinksHold =
            blinks.allSatisfy(\.complete) && (jump ?? 0) <= continuityBound && (!matched || (blinkDistance ?? 0) <= threshold)
        let actionDistance = actionPeaks.compactMap { $0?.distance(to: selfie) }.max()
        let actionsHold = actionPeaks.allSatisfy { $0 != nil } && (!matched || (actionDistance ?? 0) <= actionBound)
        var match = FaceMatch(
            matched: matched, distance: distance, framesCompared: frames.count, largestFrameDistance: largest,
            consistent: largest <= consistencyBound && blinksHold && actionsHold,
            blinkFramesCompared: blinks.reduce(0) { $0 + $1.embeddings.count }, largestBlinkDistance: blinkDistance, largestBlinkJump: jump)
        match.actionFramesCompared = actionPeaks.count
        match.largestActionDistance = actionDistance
        var reasons: [Reason] = []
        if !match.matched { reasons.append(.faceMismatch) }
        if !match.consistent { reasons.append(.faceChanged) }
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
