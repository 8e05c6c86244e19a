import LivenessCore
/// An evaluation set that cannot be read (a missing folder, a malformed manifest line).
public struct EvaluationError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
