import LivenessCore

extension Components.Schemas.LivenessResponse {
    /// The `POST /liveness` body of a passive result (and `liveness check --json`'s line), rounded as
    /// ``WireRounding`` says. The server adds `fallback` and `result_token`.
    public init(_ result: PassiveResult, requestID: String) {
        let box = result.face.box
        let quality = result.quality
        self.init(
            livenessLabel: .init(result.label),
            confidenceScore: WireRounding.score(result.confidenceScore),
            requiresActiveCheck: result.requiresActiveCheck,
            realProbability: WireRounding.score(result.realProbability),
            face: .init(
                x: box.x, y: box.y, width: box.width, height: box.height,
                confidence: WireRounding.score(Double(result.face.confidence))),
            faceCount: result.face.faceCount,
            reasons: result.reasons.map(Components.Schemas.ReasonCode.init),
            modelVersion: result.modelVersion,
            quality: .init(
                faceSize: quality.faceSize, brightness: WireRounding.rounded(quality.brightness, places: 2),
                clipped: WireRounding.rounded(quality.clipped, places: 4),
                sharpness: WireRounding.rounded(quality.sharpness, places: 2)),
            requestId: requestID)
    }
}

extension Components.Schemas.LivenessLabel {
    /// The wire label of a domain label.
    public init(_ label: LivenessLabel) {
        switch label {
        case .real: self = .real
        case .fake: self = .fake
        }
    }
}
