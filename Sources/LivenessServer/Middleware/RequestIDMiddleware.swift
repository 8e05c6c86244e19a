import Foundation
import HTTPTypes
import Hummingbird

/// Takes `X-Request-ID` from the client (when it is a safe, short token) or makes one, puts it
/// in the logger metadata and the task-local scope (with the client's address), and sends it back.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = LivenessRequestContext
    static var forwardedFor: HTTPField.Name { HTTPField.Name("X-Forwarded-For")! }
    /// `TRUSTED_PROXIES`: whose `X-Forwarded-For` names the client.
    let proxies: TrustedProxies

    static var headerName: HTTPField.Name { HTTPField.Name("X-Request-ID")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let id = request.headers[Self.headerName].flatMap(Self.sanitised) ?? UUID.randomIdentifier()
        var context = context
        context.logger[metadataKey: "request_id"] = .string(id)
        let scope = RequestScope(
            requestID: id,
            clientAddress: proxies.client(peer: context.remoteAddress?.ipAddress, forwardedFor: request.headers[Self.forwardedFor]),
            logger: context.logger, note: RequestNote(), hangUp: HangUp(closed: context.connectionClosed))
        var response = try await RequestScope.$current.withValue(scope) { try await next(request, context) }
        response.headers[Self.headerName] = id
        return response
    }

    /// Accepts up to 128 characters of `A-Za-z0-9._:-`; anything else is not echoed (log injection).
    static func sanitised(_ value: String) -> String? {
        guard !value.isEmpty, value.utf8.count <= 128 else { return nil }
        let allowed = value.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2E || byte == 0x5F || byte == 0x3A || byte == 0x2D
        }
        return allowed ? value : nil
    }
}
