/// The JSON error body: `{"error": {"code": "...", "message": "..."}}`.
public struct ErrorReport: Encodable, Hashable, Sendable {
    public struct Detail: Encodable, Hashable, Sendable {
        public var code: String
        public var message: String
    }

    public var error: Detail

    public init(code: String, message: String) { error = Detail(code: code, message: message) }

    public init(_ error: LivenessError) { self.init(code: error.code.rawValue, message: error.message) }
}
