import LivenessCore

extension LivenessEngine: LivenessChecking {
    public func checkImage(
        _ bytes: [UInt8], bindFace: Bool
    ) async throws(LivenessError) -> (result: PassiveResult, reference: FaceReference?) {
        try await checkForChallenge(bytes, bindFace: bindFace)
    }

    public var faceMatchPolicy: FaceMatchPolicy { configuration.faceMatch }

    public func analyseClip(_ video: [UInt8], reference: FaceReference?, actions: ActionChallenge?) async throws(LivenessError) -> BlinkAnalysis {
        try await analyzeBlink(video, reference: reference, actions: actions)
    }
}
