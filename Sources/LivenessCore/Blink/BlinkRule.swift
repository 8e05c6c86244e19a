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
        public var blinks: Int { events.count }
        /// The counted blinks, in order.
        public var events: [BlinkEvent]
        public var baseline: Double
        public var minimum: Double
    }

    public func evaluate(_ ears: [Double?], fps: Double) -> Outcome {
        let values = ears.compactMap { $0 }
        guard !values.isEmpty else { return Outcome(events: [], baseline: 0, minimum: 0) }
        let sorted = values.sorted()
        let baseline =
            sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        let closed = min(closedCeiling, closedFraction * baseline)
        let open = openFraction * baseline
        let maxRun = max(1, Int((maxClosedSeconds * fps).rounded()))
        var events: [BlinkEvent] = []
        var lastOpen: Int?
        var run: [Int] = []
        for (index, ear) in ears.enumerated() {
            guard let ear else { continue }
            if ear < closed {
                run.append(index)
            } else if ear >= open {
                if let before = lastOpen, !run.isEmpty, run.count <= maxRun {
                    events.append(BlinkEvent(openBefore: before, closed: run, openAfter: index))
                }
                run = []
                lastOpen = index
            }
        }
        return Outcome(events: events, baseline: baseline, minimum: sorted[0])
    }
}
