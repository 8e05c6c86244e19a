import JWTKit

/// The claims of a `result_token`: a compact JWS (ES256) a backend verifies with the service's JWKS
/// (`GET /.well-known/jwks.json`) instead of trusting what the client relays.
public struct ResultClaims: JWTPayload, Equatable {
    /// Which answer it signs: `liveness` (`POST /liveness`), `active_blink` (`POST /active/blink`) or
    /// `challenge` (`GET /challenges/{id}`).
    public var kind: String
    /// `real`/`fake` (liveness), `passed`/`failed` (blink), or the challenge's status.
    public var decision: String
    public var requiresActiveCheck: Bool?
    public var score: Double?
    public var reasons: [String]
    public var challengeID: String?
    public var requestID: String
    /// SHA-256 (hex) of the submitted image or video.
    public var mediaSHA256: String?
    public var modelVersion: String
    /// For a challenge's answers: whether the video's face was compared with the selfie's.
    public var faceBound: Bool?
    /// For a challenge's answers: `actions`, `blink` or `live`.
    public var challengeType: String?
    /// For a judged attempt: how it was taken (``ChallengeMode``: `upload`, `live` or `live_light`).
    public var mode: String?
    /// For an action challenge: the requested actions in order with their slots (and, for a judged video,
    /// whether each passed).
    public var actions: [Action]?
    public var issuer: IssuerClaim
    /// The API key id the answer was given to (`public` without authentication).
    public var audience: AudienceClaim
    public var issuedAt: IssuedAtClaim
    public var expiration: ExpirationClaim

    enum CodingKeys: String, CodingKey {
        case kind, decision, score, reasons
        case requiresActiveCheck = "requires_active_check"
        case challengeID = "challenge_id"
        case requestID = "request_id"
        case mediaSHA256 = "media_sha256"
        case modelVersion = "model_version"
        case faceBound = "face_bound"
        case challengeType = "challenge_type"
        case mode
        case actions
        case issuer = "iss"
        case audience = "aud"
        case issuedAt = "iat"
        case expiration = "exp"
    }

    /// One requested action of an action challenge.
    public struct Action: Codable, Equatable, Sendable {
        public var action: String
        public var cue: Double
        public var end: Double
        public var passed: Bool?

        public init(action: String, cue: Double, end: Double, passed: Bool? = nil) {
            self.action = action
            self.cue = cue
            self.end = end
            self.passed = passed
        }
    }

    public func verify(using algorithm: some JWTAlgorithm) async throws {
        try expiration.verifyNotExpired()
    }
}
