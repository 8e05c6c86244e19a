import Foundation
import JWTKit

/// Verifies a `result_token` against a JWKS, as a backend does (`liveness token verify`).
public enum ResultTokenVerifier {
    /// The verified claims: the signature matches a key of `jwks` (JSON), the algorithm is ES256 and the token
    /// has not expired. Audience and issuer are the caller's to check.
    public static func verify(_ token: String, jwks: [UInt8]) async throws -> ResultClaims {
        let keys = JWTKeyCollection()
        try await keys.add(jwksJSON: String(decoding: jwks, as: UTF8.self))
        return try await keys.verify(token, as: ResultClaims.self)
    }
}
