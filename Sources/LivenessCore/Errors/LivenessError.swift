/// An error in a liveness request: bad input, or a service condition such as overload.
///
/// Each error has a stable machine-readable ``code`` (the `error.code` of the JSON body)
/// and a human-readable ``message`` that never contains input bytes or file paths.
public struct LivenessError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The stable identifier of an error kind, for example `invalid_image`.
    public let code: Code
    /// A message for people. Never contains image bytes or secrets.
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
