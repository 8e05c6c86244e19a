/// The combination of the ensemble classifiers: the sum of their softmaxes, as upstream does. They share
/// one output layout (``ModelCatalog`` checks it); the live class is the first score's.
public struct CombinedScore: Hashable, Sendable {
    /// Per-class sum of the softmaxes (0...number of models).
    public let sum: [Double]
    /// The winning class index (first maximum on a tie).
    public let labelIndex: Int
    /// The mean probability of the winning class: `sum[label] / models`.
    public let score: Double
    /// The mean probability of the live class.
    public let realProbability: Double
    /// The live class's index.
    public let liveIndex: Int

    public var label: LivenessLabel { labelIndex == liveIndex ? .real : .fake }

    public init(_ scores: [ModelScore]) {
        precondition(!scores.isEmpty, "at least one classifier is required")
        var sum = [Double](repeating: 0, count: scores[0].softmax.count)
        for score in scores {
            for (index, value) in score.softmax.enumerated() where index < sum.count { sum[index] += value }
        }
        var best = 0
        for index in sum.indices where sum[index] > sum[best] { best = index }
        let models = Double(scores.count)
        self.sum = sum
        self.labelIndex = best
        self.score = sum[best] / models
        self.liveIndex = scores[0].liveIndex
        self.realProbability = liveIndex < sum.count ? sum[liveIndex] / models : 0
    }
}
