/// One requested action and what was measured for it: lets a client say "turn further" rather than "failed".
public struct ActionResult: Hashable, Sendable {
    public var step: ActionStep
    /// Whether an event of this action was found and matched to this step, in order and on time.
    public var passed: Bool
    /// Whether an event of this action was found at all (anywhere in the clip).
    public var detected: Bool
    /// The largest measure in the requested direction within the slot (± the tolerance): degrees for turns
    /// and nods, opening for the mouth, the lowest eye aspect ratio for a blink. Nil when nothing was measured.
    public var peak: Double?
    /// Seconds from the start at which the peak (of the matched event, or within the slot) was measured.
    public var peakTime: Double?
    /// The threshold the measure had to reach (nil for a blink, which follows the blink rule).
    public var threshold: Double?

    public init(step: ActionStep, passed: Bool, detected: Bool, peak: Double?, peakTime: Double?, threshold: Double?) {
        self.step = step
        self.passed = passed
        self.detected = detected
        self.peak = peak
        self.peakTime = peakTime
        self.threshold = threshold
    }
}
