/// A head's rotation relative to the clip's neutral face, in degrees.
///
/// Signs are the person's own: `yaw` > 0 turned to their left, `pitch` > 0 looking up; `roll` > 0 tilts the
/// head clockwise in the unmirrored picture.
public struct HeadPose: Hashable, Sendable {
    public var yaw: Double
    public var pitch: Double
    public var roll: Double

    public init(yaw: Double, pitch: Double, roll: Double) {
        self.yaw = yaw
        self.pitch = pitch
        self.roll = roll
    }

    public static let neutral = HeadPose(yaw: 0, pitch: 0, roll: 0)
}
