/// Counts blinks in a per-frame eye-openness (EAR) series.
///
/// The baseline is the clip's median EAR. A frame is closed below min(0.20, 0.75 × baseline) and
/// open at or above 0.85 × baseline. A blink is a closure of 1 to round(0.5 s × fps) closed frames
/// (half-open frames in between do not break it) with an open frame before it and after it.
/// Frames without a face are skipped. At 15 fps one closed frame is enough.
public struct BlinkRule: Hashable, Sendable {
    public var closedCeiling = 0.20
    public var closedFraction = 0.75
    public var openFraction = 0.85
    public var maxClosedSeconds = 0.5

    public init() {}

    public struct Outcome: Hashable, Sendable {
        public var blinks: Int
        public var baseline: Double
        public var minimum: Double
    }

    public func evaluate(_ ears: [Double?], fps: Double) -> Outcome {
        let values = ears.compactMap { $0 }
        guard !values.isEmpty else { return Outcome(blinks: 0, baseline: 0, minimum: 0) }
        let sorted = values.sorted()
        let baseline =
            sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        let closed = min(closedCeiling, closedFraction * baseline)
        let open = openFraction * baseline
        let maxRun = max(1, Int((maxClosedSeconds * fps).rounded()))
        var blinks = 0
        var sawOpen = false
        var run = 0
        for ear in values {
            if ear < closed {
                run += 1
            } else if ear >= open {
                if run > 0 && sawOpen && run <= maxRun { blinks += 1 }
                run = 0
                sawOpen = true
            }
        }
        return Outcome(blinks: blinks, baseline: baseline, minimum: sorted[0])
    }
}
