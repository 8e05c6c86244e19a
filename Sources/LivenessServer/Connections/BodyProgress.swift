import NIOCore

/// How a request body has been arriving: its bytes so far and a sample of them once a second, to judge its rate
/// over a rolling window rather than on average since it began (a body that arrives in a burst and then stalls
/// would otherwise be allowed to hold its memory for size ÷ rate seconds).
struct BodyProgress {
    let start: NIODeadline
    private(set) var bytes = 0
    /// (when, bytes by then), oldest first; kept back to one window.
    private var samples: [(at: NIODeadline, bytes: Int)]

    init(start: NIODeadline) {
        self.start = start
        self.samples = [(start, 0)]
    }

    mutating func received(_ count: Int) { bytes += count }

    /// Whether, at `now`, the body has stopped keeping up: after `grace` seconds, fewer than `rate` bytes a second
    /// arrived over the last `window` seconds. Called once a second, which records a sample.
    mutating func tooSlow(now: NIODeadline, rate: Int, grace: Double, window: Double) -> Bool {
        samples.append((now, bytes))
        let horizon = now - .nanoseconds(Int64(window * 1e9))
        // Keep the newest sample at or before the horizon, and everything after it.
        if let last = samples.lastIndex(where: { $0.at <= horizon }), last > 0 { samples.removeFirst(last) }
        guard Self.seconds(now - start) > grace, let reference = samples.first, reference.at <= horizon else { return false }
        return Double(bytes - reference.bytes) < Double(rate) * Self.seconds(now - reference.at)
    }

    static func seconds(_ amount: TimeAmount) -> Double { Double(amount.nanoseconds) / 1e9 }
}
