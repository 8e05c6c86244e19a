/// One thing a person is asked to do in an action challenge.
///
/// Directions are the person's own: `turn_left` turns the head to their left, which in the camera's
/// (unmirrored) picture moves the nose towards the image's right.
public enum FaceAction: String, CaseIterable, Hashable, Sendable, Codable {
    case turnLeft = "turn_left"
    case turnRight = "turn_right"
    case lookUp = "look_up"
    case lookDown = "look_down"
    case openMouth = "open_mouth"
    case blink

    /// Whether the action is a movement of the head or mouth (its order is checked), rather than a blink
    /// (which people also do unasked, so it is checked only inside its slot).
    public var isMovement: Bool { self != .blink }
}
