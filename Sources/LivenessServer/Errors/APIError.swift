import HTTPTypes
import Hummingbird
import LivenessCore
import LivenessWire
import NIOCore

/// An error answer of the HTTP API: a status, a stable code and a message, sent as
/// `{"error": {"code", "message"}}`.
public struct APIError: Error, Hashable, Sendable {
    /// The spec's error codes (`ErrorResponse.error.code` in openapi.yaml), generated: an answer with a code the
    /// spec does not list cannot be written.
    typealias Code = Components.Schemas.ErrorResponse.Code

    private let code: Code
    public let status: HTTPResponse.Status
    public let message: String
    /// Seconds for `Retry-After` (always sent with 503; with 429 and 409 when set).
    private var retryAfter: Int?

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.status = code.status
        self.message = message
    }

    /// The wire code, e.g. `no_face`.
    public var identifier: String { code.rawValue }

    public static func invalidRequest(_ message: String) -> APIError { .init(.invalidRequest, message) }
    /// The `image` field is not valid base64 (only HTTP decodes base64).
    public static func invalidBase64(_ message: String) -> APIError { .init(.invalidBase64, message) }
    public static let unauthorized = APIError(.unauthorized, "a valid API key is required (X-API-KEY or Authorization: Bearer)")
    public static func payloadTooLarge(limit: Int) -> APIError {
        .init(.payloadTooLarge, "the request body exceeds the limit of \(limit) bytes")
    }
    public static func unsupportedMediaType(_ received: String, accepted: [String]) -> APIError {
        .init(
            .unsupportedMediaType,
            "the body must be \(accepted.joined(separator: " or ")), not \(received.prefix(80))")
    }
    public static let storageUnavailable = APIError(
        .storageUnavailable, "the database is unavailable; try again shortly")
    public static let notReady = APIError(.notReady, "the models are still loading")
    /// Past `MAX_BODY_BYTES_IN_FLIGHT`: too many bodies are arriving at once.
    public static let bodiesInFlight = APIError(.overloaded, "too many request bodies are arriving at once; retry shortly")
    public static func notFound(_ message: String = "no such endpoint") -> APIError { .init(.notFound, message) }
    public static let methodNotAllowed = APIError(.methodNotAllowed, "method not allowed on this endpoint")
    public static let internalError = APIError(.internalError, "internal error")

    /// 429: the client exceeded its rate; retry after `retryAfter` seconds.
    public static func rateLimited(retryAfter: Double, message: String = "too many requests; slow down") -> APIError {
        var error = APIError(.rateLimited, message)
        error.retryAfter = max(1, Int(retryAfter.rounded(.up)))
        return error
    }

    public static let challengeNotFound = APIError(.challengeNotFound, "no such challenge")
    public static let challengeExpired = APIError(
        .challengeExpired, "the challenge has expired; run the passive check again")
    public static let challengeUsed = APIError(
        .challengeUsed, "the challenge was already used, is out of attempts, or has an attempt in progress")
    /// 409 while another upload's analysis holds the challenge (at most `lease` seconds after a crash).
    public static func challengeInProgress(lease: Double) -> APIError {
        var error = APIError(
            .challengeUsed,
            "an attempt on this challenge is in progress; retry after it finishes (at most \(Int(lease)) s)")
        error.retryAfter = max(1, Int(lease.rounded(.up)))
        return error
    }
    public static let challengeLiveOnly = APIError(
        .challengeMode, "this challenge is taken only in a live session, over the socket at fallback.live_url")
    public static let challengeForbidden = APIError(
        .challengeForbidden, "the challenge belongs to another API key")

    /// The HTTP form of a domain error: the spec code of the same name (a test checks that each domain code has
    /// one) with its status (``Code/status``). Internal errors lose their message.
    public init(_ error: LivenessError) {
        guard error.code != .internalError, let code = Code(rawValue: error.code.rawValue) else {
            self = .internalError
            return
        }
        self.init(code, error.message)
    }

    /// `{"error": {"code", "message"}}`.
    var jsonBody: [UInt8] { WireJSON.encode(Components.Schemas.ErrorResponse(code, message: message)) }

    /// The JSON response, with `Retry-After` for 503 and `WWW-Authenticate` for 401.
    public func response() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        if let seconds = retryAfter ?? (status == .serviceUnavailable ? 1 : nil) { headers[.retryAfter] = String(seconds) }
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: jsonBody)))
    }
}
