/// The light check of a live session (`LIGHT_CHALLENGE`): a short random sequence of full-screen colours, each
/// chosen and sent by the server only when it is due, whose reflection the face's skin must show, in order, on
/// time, while the background does not follow it.
///
/// Not calibrated on real users yet: `LIGHT_CHALLENGE` is off by default. The thresholds below are the
/// tests' (renders tinted like a screen's light), with room for a real screen's weaker light.
public struct LightPolicy: Hashable, Sendable {
    /// How many colours a code has: one of these, drawn (consecutive colours differ).
    public var lengths = [4, 5, 6]
    /// How long each colour shows: one of these (seconds), drawn for each.
    public var durations = [0.25, 0.3, 0.35, 0.4]
    /// The first colour goes out this long after the neutral start is complete.
    public var lead = 0.3
    /// The delay from a colour's sending to its reflection's frames arriving (network both ways, the screen, the
    /// camera): searched between these bounds (seconds), one delay for the whole code. Longer leaves an attacker
    /// time to render the reflection.
    public var minLag = 0.0
    public var maxLag = 0.6
    /// The smallest chromaticity shift of the face, relative to the background and along the colour's direction,
    /// that counts as a reflection.
    public var minResponse = 0.008
    /// A face brighter than this (mean luma 0–255) in the neutral start is lit too brightly for a screen's
    /// reflection to be measured: the session says so and goes on with actions only.
    public var brightLimit = 215.0

    public init() {}
}
