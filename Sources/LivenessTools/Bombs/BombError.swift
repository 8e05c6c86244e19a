import LivenessCore
/// A bomb could not be made (a fixture or `ffmpeg` is missing or misbehaved).
public struct BombError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
