import LivenessCore

extension Components.Schemas.ActionStep {
    /// An action challenge's step on the wire.
    public init(_ step: ActionStep) {
        self.init(action: .init(step.action), cueSeconds: WireRounding.seconds(step.cue), endSeconds: WireRounding.seconds(step.end))
    }
}

extension Components.Schemas.FaceAction {
    public init(_ action: FaceAction) {
        self.init(rawValue: action.rawValue)!
    }
}

extension Components.Schemas.ActionResult {
    /// What was measured for one requested action.
    public init(_ result: LivenessCore.ActionResult) {
        self.init(
            action: .init(result.step.action), cueSeconds: WireRounding.seconds(result.step.cue),
            endSeconds: WireRounding.seconds(result.step.end), passed: result.passed, detected: result.detected,
            peak: result.peak.map(WireRounding.measure), peakSeconds: result.peakTime.map(WireRounding.seconds),
            threshold: result.threshold)
    }
}
