import Foundation
import JWTKit
import LivenessCore
import LivenessWire
import Logging

/// Signs `result_token`s with the current key and publishes the JWKS (current and previous keys).
///
/// Configuration keys: see ``ResultTokenConfiguration``.
public struct ResultSigner: Sendable {
    let keys: JWTKeyCollection
    let currentKID: JWKIdentifier
    /// `GET /.well-known/jwks.json`: every public key, current first, as the spec's `JWKS`.
    public let jwks: Components.Schemas.Jwks
    let configuration: ResultTokenConfiguration
    /// The clock; tests inject their own.
    let now: @Sendable () -> Date

    /// A signer with `key`, publishing `previous` too.
    public init(
        key: ES256PrivateKey, previous: [ES256PublicKey] = [], configuration: ResultTokenConfiguration = ResultTokenConfiguration(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) async throws {
        let current = try Self.publicJWK(key.publicKey)
        let published = try [current] + previous.map(Self.publicJWK)
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: key, kid: JWKIdentifier(string: current.kid))
        self.keys = keys
        self.currentKID = JWKIdentifier(string: current.kid)
        self.jwks = Components.Schemas.Jwks(keys: published)
        self.configuration = configuration
        self.now = now
    }

    /// A signer with a new key held in memory only (tests, and in-memory databases).
    public static func ephemeral(
        configuration: ResultTokenConfiguration = ResultTokenConfiguration(), now: @escaping @Sendable () -> Date = { Date() }
    ) async throws -> ResultSigner {
        try await ResultSigner(key: ES256PrivateKey(), configuration: configuration, now: now)
    }

    /// Signs `claims` after filling in `iss`, `aud`, `iat` and `exp`.
    public func sign(
        kind: String, decision: String, requiresActiveCheck: Bool? = nil, score: Double?, reasons: [String],
        challengeID: String?, requestID: String, media: [UInt8]?, modelVersion: String, audience: String?, faceBound: Bool? = nil,
        challengeType: ChallengeType? = nil, actions: [ResultClaims.Action]? = nil, mode: ChallengeMode? = nil
    ) async throws -> String {
        // Whole seconds: some verifiers accept only integer NumericDates (RFC 7519 allows fractions).
        let issued = Date(timeIntervalSince1970: now().timeIntervalSince1970.rounded(.down))
        let claims = ResultClaims(
            kind: kind, decision: decision, requiresActiveCheck: requiresActiveCheck, score: score, reasons: reasons,
            challengeID: challengeID, requestID: requestID,
            mediaSHA256: media.map { SHA256.hex(SHA256.hash($0)) },
            modelVersion: modelVersion, faceBound: faceBound, challengeType: challengeType?.rawValue, mode: mode?.rawValue, actions: actions,
            issuer: IssuerClaim(value: configuration.issuer),
            audience: AudienceClaim(value: audience ?? "public"), issuedAt: IssuedAtClaim(value: issued),
            expiration: ExpirationClaim(value: issued.addingTimeInterval(configuration.ttl)))
        return LowSSignature.normalized(token: try await keys.sign(claims, kid: currentKID))
    }

    /// The public JWK of `key`, with its RFC 7638 thumbprint as `kid`.
    static func publicJWK(_ key: ES256PublicKey) throws -> Components.Schemas.Jwks.KeysPayloadPayload {
        guard let parameters = key.parameters else { throw ResultSignerError("the key has no public parameters") }
        let canonical = #"{"crv":"P-256","kty":"EC","x":"\#(parameters.x)","y":"\#(parameters.y)"}"#
        let thumbprint = Base64URL.encode(Array(SHA256.hash(Array(canonical.utf8))))
        return .init(kty: "EC", crv: "P-256", x: parameters.x, y: parameters.y, kid: thumbprint, alg: "ES256", use: "sig")
    }
}
