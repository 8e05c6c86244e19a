/// Whether a live session's frames come as a camera makes them: capture timestamps that increase, no faster
/// than the session's frame rate allows, and a capture clock that keeps pace with the server's arrival clock.
/// A burst of frames made beforehand (their timestamps spread out, their arrivals together), frames rendered
/// slower than real time (arrivals spreading out against their timestamps) and frames sent faster than a
/// camera (timestamps or arrivals too close) all fail it.
struct RealTimeCheck: Hashable, Sendable {
    var maxFramesPerSecond: Double
    var tolerance: Double

    private var firstCapture: Double?
    private var firstArrival: Double?
    private var lastCapture: Double?
    private var arrivals: [Double] = []

    init(policy: LivePolicy) {
        maxFramesPerSecond = policy.maxFramesPerSecond
        tolerance = policy.clockTolerance
    }

    /// Admits one frame; false when it breaks real time.
    mutating func admit(capture: Double, arrival: Double) -> Bool {
        guard capture.isFinite, arrival.isFinite else { return false }
        if let last = lastCapture, capture - last < 0.5 / maxFramesPerSecond { return false }
        lastCapture = capture
        // The rate over two seconds, with room for a network or a busy server delivering a stall's frames at once.
        arrivals.append(arrival)
        arrivals.removeAll { $0 <= arrival - 2 }
        if Double(arrivals.count) > 2 * maxFramesPerSecond + 4 { return false }
        guard let firstCapture, let firstArrival else {
            self.firstCapture = capture
            self.firstArrival = arrival
            return true
        }
        return abs((capture - firstCapture) - (arrival - firstArrival)) <= tolerance
    }
}
