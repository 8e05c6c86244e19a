/// A reason code of a result's `reasons`: why the passive check asks for the active check, what a retake of
/// the selfie could improve, or why an active check failed.
///
/// The spec's `ReasonCode` schema lists the same codes, each with when it is given (docs/api.md's reason
/// table is generated from it); `ReasonCodeTests` keeps the two lists equal.
public enum Reason: String, CaseIterable, Hashable, Sendable {
    // The passive check: why the active check is required.
    case lowConfidence = "low_confidence"
    case modelVeto = "model_veto"
    case multipleFaces = "multiple_faces"
    case smallFace = "small_face"
    case policyAlways = "policy_always"
    // Image quality: a retake could help; never changes the label, the score or the decision.
    case faceTooSmall = "face_too_small"
    case faceCutOff = "face_cut_off"
    case tooDark = "too_dark"
    case overexposed
    case blurry
    // The active check: why it failed.
    case noBlink = "no_blink"
    case faceNotFound = "face_not_found"
    case videoTooShort = "video_too_short"
    case passiveFake = "passive_fake"
    case staticVideo = "static_video"
    case faceMismatch = "face_mismatch"
    case faceChanged = "face_changed"
    // The action challenge: why it failed.
    case actionMissing = "action_missing"
    case wrongOrder = "wrong_order"
    case actionOutOfTime = "action_out_of_time"
    case discontinuousVideo = "discontinuous_video"
    case replayedVideo = "replayed_video"
    case recordedBeforeChallenge = "recorded_before_challenge"
    // The live session: why it failed (with `wrong_order` and `discontinuous_video` above).
    case reactionTooFast = "reaction_too_fast"
    case reactionTooSlow = "reaction_too_slow"
    case notRealTime = "not_real_time"
    /// Live session with the light code: the face did not reflect the server's colours in order and on time.
    case lightMismatch = "light_mismatch"
}
