import HTTPTypes

/// The key a request presents: `X-API-KEY: <key>` or `Authorization: Bearer <key>`. Never logged.
enum PresentedKey {
    static var header: HTTPField.Name { HTTPField.Name("X-API-KEY")! }

    static func from(_ headers: HTTPFields) -> String? {
        if let key = headers[header], !key.isEmpty { return key }
        guard let authorization = headers[.authorization] else { return nil }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1]).trimmingCharacters(in: .whitespaces)
    }

    /// The id of the key in `headers` among `keys` (nil when no keys are configured: anyone may call).
    /// - Throws: ``APIError/unauthorized`` when keys are configured and none of them is presented.
    static func keyID(_ headers: HTTPFields, among keys: APIKeySet) throws -> String? {
        if keys.isEmpty { return nil }
        guard let presented = from(headers), let id = keys.identify(presented) else { throw APIError.unauthorized }
        return id
    }
}
