import Foundation
import HTTPTypes

/// The key a request presents: `X-API-KEY: <key>` or `Authorization: Bearer <key>`; on a WebSocket upgrade also
/// the subprotocol `liveness.key.<base64url of the key>` (a browser cannot set headers on a socket). Never logged.
enum PresentedKey {
    static var header: HTTPField.Name { HTTPField.Name("X-API-KEY")! }
    /// The live socket's protocol, which the server selects when offered, and the prefix of the key's.
    static let socketProtocol = "liveness.v1"
    static let socketKeyPrefix = "liveness.key."

    static func from(_ headers: HTTPFields, subprotocols: Bool = false) -> String? {
        if let key = headers[header], !key.isEmpty { return key }
        if subprotocols, let key = fromSubprotocol(headers) { return key }
        guard let authorization = headers[.authorization] else { return nil }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1]).trimmingCharacters(in: .whitespaces)
    }

    /// The key offered as a WebSocket subprotocol, if any.
    static func fromSubprotocol(_ headers: HTTPFields) -> String? {
        guard let offered = headers[.secWebSocketProtocol] else { return nil }
        for name in offered.split(separator: ",") {
            let name = name.trimmingCharacters(in: .whitespaces)
            guard name.hasPrefix(socketKeyPrefix), let bytes = Base64URL.decode(String(name.dropFirst(socketKeyPrefix.count))) else {
                continue
            }
            let key = String(decoding: bytes, as: UTF8.self)
            return key.isEmpty ? nil : key
        }
        return nil
    }

    /// Whether a WebSocket upgrade offers ``socketProtocol`` (the server must then select it).
    static func offersSocketProtocol(_ headers: HTTPFields) -> Bool {
        headers[.secWebSocketProtocol]?.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == socketProtocol } ?? false
    }

    /// The id of the key in `headers` among `keys` (nil when no keys are configured: anyone may call); with
    /// `subprotocols`, a WebSocket upgrade's key subprotocol counts too.
    /// - Throws: ``APIError/unauthorized`` when keys are configured and none of them is presented.
    static func keyID(_ headers: HTTPFields, among keys: APIKeySet, subprotocols: Bool = false) throws -> String? {
        if keys.isEmpty { return nil }
        guard let presented = from(headers, subprotocols: subprotocols), let id = keys.identify(presented) else {
            throw APIError.unauthorized
        }
        return id
    }
}
