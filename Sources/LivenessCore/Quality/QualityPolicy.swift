/// Turns ``FaceQuality`` into machine-readable reasons a client can act on (ask the user to retake).
///
/// The reasons are added to a result's `reasons`; they never change its label or score, and never ask
/// for the active check on their own. Codes, in this order: `face_too_small`, `face_cut_off`, `too_dark`,
/// `overexposed`, `blurry`.
///
/// Configuration keys (through ``PassiveConfiguration``): `QUALITY_MIN_FACE_SIZE`, `QUALITY_MIN_BRIGHTNESS`,
/// `QUALITY_MAX_BRIGHTNESS`, `QUALITY_MAX_CLIPPED`, `QUALITY_MIN_SHARPNESS` (their defaults are this type's).
public struct QualityPolicy: Hashable, Sendable {
    /// The smallest face box side, in pixels. 120 px is about 50 px between the eyes; identity vendors ask
    /// for 90-120 px between the eyes, about 220-300 px of box.
    public var minFaceSize = 120
    /// Below this mean luma the face is `too_dark`.
    public var minBrightness = 50.0
    /// Above this mean luma the face is `overexposed`.
    public var maxBrightness = 215.0
    /// Above this share of blown-out pixels the face is `overexposed` too.
    public var maxClipped = 0.25
    /// Below this Laplacian variance the face is `blurry`.
    public var minSharpness = 40.0

    public init() {}

    /// The quality codes that `quality` earns.
    public func reasons(_ quality: FaceQuality) -> [Reason] {
        var reasons: [Reason] = []
        if quality.faceSize < minFaceSize { reasons.append(.faceTooSmall) }
        if quality.touchesEdge { reasons.append(.faceCutOff) }
        if quality.brightness < minBrightness { reasons.append(.tooDark) }
        if quality.brightness > maxBrightness || quality.clipped > maxClipped { reasons.append(.overexposed) }
        if quality.sharpness < minSharpness { reasons.append(.blurry) }
        return reasons
    }
}
