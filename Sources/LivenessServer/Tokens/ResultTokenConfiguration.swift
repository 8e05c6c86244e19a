import Configuration
import LivenessCore

/// How results are signed.
///
/// Configuration keys (environment variable, then the config key it maps from):
/// - `RESULT_SIGNING_KEY_FILE` (`result.signing.key.file`): PEM file of the P-256 private key that signs
///   `result_token`s (ES256). Unset on a single node: a key is generated once in `DATA_DIR`
///   (`result-signing-key.pem`, mode 0600). Required with a PostgreSQL `DATABASE_URL`: replicas must share it.
/// - `RESULT_SIGNING_PREVIOUS_KEY_FILES` (`result.signing.previous.key.files`): comma-separated PEM files of
///   keys (public or private) that stay in the JWKS during a rotation; they never sign.
/// - `RESULT_TOKEN_TTL_SECONDS` (`result.token.ttl.seconds`): a token's lifetime (`exp` − `iat`). Default 600.
/// - `RESULT_TOKEN_ISSUER` (`result.token.issuer`): the `iss` claim. Default `liveness`.
public struct ResultTokenConfiguration: Sendable, Hashable {
    public var keyFile: String?
    public var previousKeyFiles: [String] = []
    public var ttl: Double = 600
    public var issuer = "liveness"
    /// The generated key's file name inside `DATA_DIR`.
    public static let generatedKeyName = "result-signing-key.pem"

    public init() {}

    /// Reads every key listed on the type, keeping the defaults for missing ones.
    public init(config: ConfigReader) throws(ConfigurationError) {
        self.init()
        keyFile = config.string(forKey: "result.signing.key.file").flatMap { $0.isEmpty ? nil : $0 }
        previousKeyFiles = (config.string(forKey: "result.signing.previous.key.files") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        ttl = try ConfigurationError.number(config, "result.token.ttl.seconds", "RESULT_TOKEN_TTL_SECONDS", default: ttl, in: 1...86_400)
        issuer = config.string(forKey: "result.token.issuer", default: issuer)
    }
}
