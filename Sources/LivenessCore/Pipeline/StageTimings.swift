/// How long each stage of one passive check took, in seconds.
public struct StageTimings: Hashable, Sendable {
    public var decode: Double = 0
    public var detect: Double = 0
    public var classify: Double = 0

    public init() {}

    /// decode + detect + classify.
    public var total: Double { decode + detect + classify }
}
