import LivenessCore
/// APCER and BPCER over every threshold on P(real), from the scored samples.
///
/// A sample is accepted at threshold t when its P(real) >= t. APCER(t) is the share of attacks
/// accepted, BPCER(t) the share of bona fide presentations rejected. Samples without a score (an error
/// such as `no_face`) are left out of the sweep; the report counts them apart.
public struct ThresholdSweep: Hashable, Sendable {
    /// One operating point.
    public struct Point: Hashable, Sendable, Encodable {
        public var threshold: Double
        public var apcer: Double
        public var bpcer: Double
    }

    /// From accepting everything (threshold 0) to accepting nothing (a threshold above every score).
    public let points: [Point]
    public let attacks: Int
    public let bonaFide: Int

    public init(attackScores: [Double], bonaFideScores: [Double]) {
        attacks = attackScores.count
        bonaFide = bonaFideScores.count
        let thresholds = [0] + Set(attackScores + bonaFideScores).sorted().filter { $0 > 0 } + [Double.infinity]
        points = thresholds.map { threshold in
            Point(
                threshold: threshold,
                apcer: attackScores.isEmpty
                    ? 0 : Double(attackScores.count { $0 >= threshold }) / Double(attackScores.count),
                bpcer: bonaFideScores.isEmpty
                    ? 0 : Double(bonaFideScores.count { $0 < threshold }) / Double(bonaFideScores.count))
        }
    }

    /// The equal error rate: where APCER and BPCER cross, interpolated linearly between the two
    /// operating points around the crossing, and the threshold of the point after it.
    public var equalErrorRate: (rate: Double, threshold: Double)? {
        guard attacks > 0, bonaFide > 0 else { return nil }
        // APCER falls and BPCER rises along `points`, so their difference changes sign once.
        for (before, after) in zip(points, points.dropFirst()) {
            let above = before.apcer - before.bpcer
            let below = after.apcer - after.bpcer
            guard above >= 0, below <= 0 else { continue }
            let fraction = above == below ? 0 : above / (above - below)
            return (before.apcer + fraction * (after.apcer - before.apcer), after.threshold)
        }
        return nil
    }

    /// The lowest BPCER among thresholds whose APCER is at most `apcer`.
    public func bpcer(atAPCER apcer: Double) -> Point? {
        guard attacks > 0, bonaFide > 0 else { return nil }
        return points.filter { $0.apcer <= apcer + 1e-12 }.min { $0.bpcer < $1.bpcer }
    }
}
