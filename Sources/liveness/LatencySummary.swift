/// Percentiles of a set of durations in seconds, reported in milliseconds.
struct LatencySummary: Encodable {
    let p50: Double
    let p99: Double
    let mean: Double

    init(_ seconds: [Double]) {
        let sorted = seconds.sorted()
        func percentile(_ fraction: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
            return sorted[min(max(rank, 0), sorted.count - 1)] * 1000
        }
        p50 = percentile(0.50)
        p99 = percentile(0.99)
        mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count) * 1000
    }
}
