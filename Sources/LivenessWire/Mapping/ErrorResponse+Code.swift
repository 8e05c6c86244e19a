import LivenessCore

extension Components.Schemas.ErrorResponse {
    /// The spec's error codes, generated from `ErrorResponse.error.code`.
    public typealias Code = _ErrorPayload.CodePayload

    /// `{"error": {"code", "message"}}`.
    public init(_ code: Code, message: String) { self.init(error: .init(code: code, message: message)) }

    /// The body of a domain error, as the CLI prints it; the server's status and wording come from its
    /// `APIError`. A domain code the spec does not list (a test rules it out) is written as `internal_error`.
    public init(_ error: LivenessError) {
        self.init(Code(rawValue: error.code.rawValue) ?? .internalError, message: error.message)
    }
}
