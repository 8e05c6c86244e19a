import HTTPTypes
import Hummingbird
import LivenessCore
import NIOCore

/// An error answer of the HTTP API: a status, a stable code and a message, sent as
/// `{"error": {"code", "message"}}`.
public struct APIError: Error, Hashable, Sendable {
    /// Codes that only the HTTP layer produces; domain errors keep their ``LivenessError/Code``.
    private enum HTTPCode: String, Sendable {
        case unauthorized
        case payloadTooLarge = "payload_too_large"
        case unsupportedMediaType = "unsupported_media_type"
        case notReady = "not_ready"
        case notFound = "not_found"
        case methodNotAllowed = "method_not_allowed"
        case challengeNotFound = "challenge_not_found"
        case challengeExpired = "challenge_expired"
        case challengeUsed = "challenge_used"
        case challengeForbidden = "challenge_forbidden"
        case rateLimited = "rate_limited"
        case storageUnavailable = "storage_unavailable"
    }

    private enum Code: Hashable, Sendable {
        case domain(LivenessError.Code)
        case http(HTTPCode)
    }

    private let code: Code
    public let status: HTTPResponse.Status
    public let message: String
    /// Seconds for `Retry-After` (always sent with 503; with 429 and 409 when set).
    private var retryAfter: Int?

    private init(_ code: HTTPCode, _ status: HTTPResponse.Status, _ message: String) {
        self.init(code: .http(code), status, message)
    }

    private init(_ code: LivenessError.Code, _ status: HTTPResponse.Status, _ message: String) {
        self.init(code: .domain(code), status, message)
    }

    private init(code: Code, _ status: HTTPResponse.Status, _ message: String) {
        self.code = code
        self.status = status
        self.message = message
    }

    /// The wire code, e.g. `no_face`.
    public var identifier: String {
        switch code {
        case .domain(let code): code.rawValue
        case .http(let code): code.rawValue
        }
    }

    public static func invalidRequest(_ message: String) -> APIError { .init(LivenessError.invalidRequest(message)) }
    public static func invalidBase64(_ message: String) -> APIError { .init(LivenessError(.invalidBase64, message)) }
    public static let unauthorized = APIError(.unauthorized, .unauthorized, "a valid API key is required (X-API-KEY or Authorization: Bearer)")
    public static func payloadTooLarge(limit: Int) -> APIError {
        .init(.payloadTooLarge, .contentTooLarge, "the request body exceeds the limit of \(limit) bytes")
    }
    public static func unsupportedMediaType(_ received: String, accepted: [String]) -> APIError {
        .init(
            .unsupportedMediaType, .unsupportedMediaType,
            "the body must be \(accepted.joined(separator: " or ")), not \(received.prefix(80))")
    }
    public static let storageUnavailable = APIError(
        .storageUnavailable, .serviceUnavailable, "the database is unavailable; try again shortly")
    public static let notReady = APIError(.notReady, .serviceUnavailable, "the models are still loading")
    public static func notFound(_ message: String = "no such endpoint") -> APIError { .init(.notFound, .notFound, message) }
    public static let methodNotAllowed = APIError(.methodNotAllowed, .methodNotAllowed, "method not allowed on this endpoint")
    public static let internalError = APIError(LivenessError.Code.internalError, .internalServerError, "internal error")

    /// 429: the client exceeded its rate; retry after `retryAfter` seconds.
    public static func rateLimited(retryAfter: Double, message: String = "too many requests; slow down") -> APIError {
        var error = APIError(.rateLimited, .tooManyRequests, message)
        error.retryAfter = max(1, Int(retryAfter.rounded(.up)))
        return error
    }

    public static let challengeNotFound = APIError(.challengeNotFound, .notFound, "no such challenge")
    public static let challengeExpired = APIError(
        .challengeExpired, .gone, "the challenge has expired; run the passive check again")
    public static let challengeUsed = APIError(
        .challengeUsed, .conflict, "the challenge was already used, is out of attempts, or has an attempt in progress")
    /// 409 while another upload's analysis holds the challenge (at most `lease` seconds after a crash).
    public static func challengeInProgress(lease: Double) -> APIError {
        var error = APIError(
            .challengeUsed, .conflict,
            "an attempt on this challenge is in progress; retry after it finishes (at most \(Int(lease)) s)")
        error.retryAfter = max(1, Int(lease.rounded(.up)))
        return error
    }
    public static let challengeForbidden = APIError(
        .challengeForbidden, .forbidden, "the challenge belongs to another API key")

    /// The HTTP form of a domain error.
    public init(_ error: LivenessError) {
        let status: HTTPResponse.Status
        switch error.code {
        case .invalidRequest, .invalidBase64: status = .badRequest
        case .imageTooLarge: status = .contentTooLarge
        case .invalidImage, .imageTooComplex, .noFace, .invalidVideo, .videoTooLong, .unsupportedVideo:
            status = .unprocessableContent
        case .overloaded, .blinkUnavailable: status = .serviceUnavailable
        default:
            self = .internalError
            return
        }
        self.init(error.code, status, error.message)
    }

    /// `{"error": {"code", "message"}}`.
    var jsonBody: [UInt8] { JSON.encode(ErrorReport(code: identifier, message: message)) }

    /// The JSON response, with `Retry-After` for 503 and `WWW-Authenticate` for 401.
    public func response() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        if let seconds = retryAfter ?? (status == .serviceUnavailable ? 1 : nil) { headers[.retryAfter] = String(seconds) }
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: jsonBody)))
    }
}
