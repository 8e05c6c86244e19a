/// How a session's light check went, when it did not fail it (a failure is `light_mismatch`).
public enum LightStatus: String, Hashable, Sendable {
    /// The face reflected the code, in order and on time.
    case passed
    /// The face was lit too brightly for a screen's reflection to be measured: the session goes on with actions only.
    case tooBright = "too_bright"
}
