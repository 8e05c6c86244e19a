/// When a passive result asks for the active (blink) check (`ACTIVE_CHECK_POLICY`).
public enum ActiveCheckPolicy: String, Hashable, Sendable, CaseIterable {
    /// Only when the result is unsure: a score under `CONFIDENCE_THRESHOLD`, or several faces.
    case adaptive
    /// Whenever a face was found (reason `policy_always`): for high-assurance onboarding, since prints and
    /// screens can pass the passive model with a high score.
    case always
}
