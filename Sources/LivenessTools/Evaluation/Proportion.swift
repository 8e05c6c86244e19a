import Foundation
import LivenessCore

/// A count out of a total, with its Wilson score 95 % interval.
public struct Proportion: Hashable, Sendable, Encodable {
    public var count: Int
    public var total: Int

    public init(_ count: Int, of total: Int) {
        self.count = count
        self.total = total
    }

    /// count / total, or 0 for an empty total.
    public var rate: Double { total > 0 ? Double(count) / Double(total) : 0 }

    /// The Wilson score interval at z = 1.96 (95 %); (0, 1) for an empty total.
    public var interval: (low: Double, high: Double) {
        guard total > 0 else { return (0, 1) }
        let z = 1.959963984540054
        let n = Double(total)
        let p = rate
        let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        let half = z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
        return (max(0, centre - half), min(1, centre + half))
    }

    /// "3/16 = 18.8 % [6.6, 43.0]".
    public var text: String {
        let (low, high) = interval
        return String(format: "%d/%d = %.1f %% [%.1f, %.1f]", count, total, rate * 100, low * 100, high * 100)
    }

    enum CodingKeys: String, CodingKey { case count, total, rate, low, high }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(count, forKey: .count)
        try container.encode(total, forKey: .total)
        try container.encode(rate, forKey: .rate)
        try container.encode(interval.low, forKey: .low)
        try container.encode(interval.high, forKey: .high)
    }
}
