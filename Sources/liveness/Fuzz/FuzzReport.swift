import Foundation

/// Counts of what the fuzzed inputs produced, and the slowest ones.
struct FuzzReport {
    struct Outcome: Sendable {
        let kind: String
        let mutation: String
        let result: String
        /// Time to guard and decode (images: the whole check).
        let seconds: Double
        let input: [UInt8]
        /// Videos: time to analyse the decoded frames.
        var analysisSeconds: Double = 0
    }

    private(set) var total = 0
    /// Inputs answered `internal_error`: bad input must always get a precise 4xx code.
    private(set) var internalErrors = 0
    /// Inputs the two JPEG decoders disagreed on (the first 20).
    private(set) var mismatched: [Outcome] = []
    private var results: [String: Int] = [:]
    private var slowest: [String: Double] = [:]
    private var tooSlow: [Outcome] = []
    private var threshold = 2.0

    mutating func record(_ outcome: Outcome) {
        total += 1
        results["\(outcome.kind) \(outcome.result)", default: 0] += 1
        if outcome.result == "internal_error" { internalErrors += 1 }
        if outcome.result == DecoderParity.mismatch && mismatched.count < 20 { mismatched.append(outcome) }
        slowest[outcome.kind] = max(slowest[outcome.kind] ?? 0, outcome.seconds)
        if outcome.analysisSeconds > 0 {
            slowest["video analysis"] = max(slowest["video analysis"] ?? 0, outcome.analysisSeconds)
        }
        if outcome.seconds > threshold && tooSlow.count < 20 { tooSlow.append(outcome) }
    }

    /// The inputs over `limit` seconds (videos: over `videos`).
    func slow(over limit: Double, videos: Double) -> [Outcome] {
        tooSlow.filter { $0.seconds > ($0.kind == "video" ? videos : limit) }
    }

    func summary(elapsed: Double, limit: Double, videos: Double) -> String {
        var lines = ["fuzz: \(total) inputs in \(String(format: "%.1f", elapsed)) s, no crash"]
        for (key, count) in results.sorted(by: { $0.key < $1.key }) { lines.append("  \(key): \(count)") }
        for (kind, seconds) in slowest.sorted(by: { $0.key < $1.key }) {
            lines.append(String(format: "  slowest %@: %.3f s", kind == "video" ? "video decode" : kind, seconds))
        }
        let failed = self.slow(over: limit, videos: videos).count + internalErrors + (results["image \(DecoderParity.mismatch)"] ?? 0)
        lines.append("fuzz: \(total - failed) passed, \(failed) failed")
        return lines.joined(separator: "\n")
    }
}
