import LivenessCore

extension Components.Schemas.BlinkResponse {
    /// The `POST /active/blink` body of an analysis (and `liveness blink --json`'s line). The server adds
    /// `result_token`.
    public init(_ analysis: BlinkAnalysis, challengeID: String? = nil) {
        self.init(
            activePassed: analysis.activePassed, blinkCount: analysis.blinkCount, framesAnalyzed: analysis.framesAnalyzed,
            faceFrames: analysis.faceFrames, reasons: analysis.reasons.map(Components.Schemas.ReasonCode.init),
            faceMatch: analysis.faceMatch.map { .init($0) },
            passive: analysis.passive.map {
                .init(livenessLabel: .init($0.label), confidenceScore: WireRounding.score($0.confidenceScore))
            },
            challengeId: challengeID)
        signals = analysis.signals.map { signals in
            .init(
                creationTime: signals.creationTime, encoder: signals.encoder,
                frameRate: .init(rawValue: signals.frameRate.rawValue) ?? .unknown, reencodedBy: signals.reencodedBy)
        }
        if let actions = analysis.actions {
            challengeType = .actions
            self.actions = actions.results.map { .init($0) }
        }
    }
}
