import LivenessCore

extension ServerConfiguration {
    /// Why challenges cannot be answered as configured with `engine`'s models, if they cannot: with
    /// `ENABLE_FALLBACK`, the blink models must be installed, and the face-recognition model too unless
    /// `ALLOW_UNBOUND_CHALLENGES`. Readiness answers 503 with this reason, and `POST /liveness` refuses to issue
    /// such a challenge (503 `blink_unavailable`), so that a challenge never silently stops proving the selfie's face.
    func challengeProblem(_ engine: any LivenessChecking) -> String? {
        guard enableFallback else { return nil }
        if !engine.supportsBlink {
            return
                "the blink models (MediaPipe Face Mesh and Iris) are missing, so no challenge can be answered; run scripts/fetch-models or set ENABLE_FALLBACK=false"
        }
        if !engine.supportsFaceMatch && !allowUnboundChallenges {
            return
                "the face-recognition model is missing, so challenges cannot be bound to the selfie's face; run scripts/fetch-models or set ALLOW_UNBOUND_CHALLENGES=true"
        }
        return nil
    }
}
