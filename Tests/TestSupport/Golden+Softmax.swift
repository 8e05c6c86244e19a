import LivenessCore

extension Golden {
    /// The largest |softmax difference| between `result`'s classifiers and the reference pipeline's, and how many
    /// values were compared; nil when the golden has no reference models or `result` lacks one of them.
    public func softmaxDifference(_ result: PassiveResult) -> (largest: Double, compared: Int)? {
        guard let models = official_unguarded.models else { return nil }
        var largest = 0.0
        var compared = 0
        for expected in models {
            guard let score = result.models.first(where: { expected.model.hasPrefix($0.model) }) else { return nil }
            for (got, want) in zip(score.softmax, expected.softmax) {
                largest = max(largest, abs(got - want))
                compared += 1
            }
        }
        return (largest, compared)
    }
}
