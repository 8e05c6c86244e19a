import HTTPTypes
import Hummingbird
import LivenessCore
import NIOCore

/// An error answer of the HTTP API: a status, a stable code and a message, sent as
/// `{"error": {"code", "message"}}`.
public struct APIError: Error, Hashable, Sendable {
    /// The spec's error codes (`ErrorResponse.error.code` in openapi.yaml), generated: an answer with a code the
    /// spec does not list cannot be written.
    typealias Code = Components.Schemas.ErrorResponse._ErrorPayload.CodePayload

    private let code: Code
    public let status: HTTPResponse.Status
    public let message: String
    /// Seconds for `Retry-After` (always sent with 503; with 429 and 409 when set).
    private var retryAfter: Int?

    private init(_ code: Code, _ status: HTTPResponse.Status, _ message: String) {
        self.code = code
        self.status = status
        self.message = message
    }

    /// The wire code, e.g. `no_face`.
    public var identifier: String { code.rawValue }

    public static func invalidRequest(_ message: String) -> APIError { .init(.invalidRequest, .badRequest, message) }
    /// The `image` field is not valid base64 (only HTTP decodes base64).
    public static func invalidBase64(_ message: String) -> APIError { .init(.invalidBase64, .badRequest, message) }
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
    public static let internalError = APIError(.internalError, .internalServerError, "internal error")

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

    /// The HTTP form of a domain error: each domain code (``LivenessError/Code/all``) has its spec code and
    /// status here; a test checks that none is left out. Internal errors lose their message.
    public init(_ error: LivenessError) {
        let mapped: (Code, HTTPResponse.Status)? =
            switch error.code {
            case .invalidRequest: (.invalidRequest, .badRequest)
            case .imageTooLarge: (.imageTooLarge, .contentTooLarge)
            case .invalidImage: (.invalidImage, .unprocessableContent)
            case .imageTooComplex: (.imageTooComplex, .unprocessableContent)
            case .noFace: (.noFace, .unprocessableContent)
            case .invalidVideo: (.invalidVideo, .unprocessableContent)
            case .videoTooLong: (.videoTooLong, .unprocessableContent)
            case .unsupportedVideo: (.unsupportedVideo, .unprocessableContent)
            case .overloaded: (.overloaded, .serviceUnavailable)
            case .blinkUnavailable: (.blinkUnavailable, .serviceUnavailable)
            default: nil
            }
        guard let (code, status) = mapped else {
            self = .internalError
            return
        }
        self.init(code, status, error.message)
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
