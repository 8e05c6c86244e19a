import LivenessCore
/// One labelled image of an evaluation and what the service answered for it.
public struct EvaluationSample: Hashable, Sendable {
    /// Ground truth: a live person, or a presentation attack of some species (`print`, `screen`, ...).
    public enum Truth: Hashable, Sendable {
        case bonaFide
        case attack(species: String)
    }

    /// The service's answer: a result, or the error code (`no_face`, `invalid_image`, ...).
    public enum Answer: Hashable, Sendable {
        case result(label: LivenessLabel, realProbability: Double, requiresActiveCheck: Bool, reasons: [String], models: [String: Double])
        case error(code: String)
    }

    public var path: String
    public var truth: Truth
    public var answer: Answer

    public init(path: String, truth: Truth, answer: Answer) {
        self.path = path
        self.truth = truth
        self.answer = answer
    }

    /// Accepted with no active check: labelled real and not sent to the challenge.
    public var passedSilently: Bool {
        if case .result(.real, _, false, _, _) = answer { return true }
        return false
    }

    /// Labelled real, whatever the policy said.
    public var labelledReal: Bool {
        if case .result(.real, _, _, _, _) = answer { return true }
        return false
    }

    /// Labelled fake.
    public var labelledFake: Bool {
        if case .result(.fake, _, _, _, _) = answer { return true }
        return false
    }

    /// Sent to the active check, or refused with an error (both cost the user a step).
    public var friction: Bool {
        switch answer {
        case .result(_, _, let active, _, _): return active
        case .error: return true
        }
    }

    public var requiresActiveCheck: Bool {
        if case .result(_, _, true, _, _) = answer { return true }
        return false
    }

    public var noFace: Bool { answer == .error(code: "no_face") }

    /// The combined P(real), when there is a result.
    public var realProbability: Double? {
        if case .result(_, let probability, _, _, _) = answer { return probability }
        return nil
    }

    /// P(real) by one model alone, when there is a result.
    public func realProbability(model: String) -> Double? {
        if case .result(_, _, _, _, let models) = answer { return models[model] }
        return nil
    }

    /// The species, or nil for bona fide.
    public var species: String? {
        if case .attack(let species) = truth { return species }
        return nil
    }
}
