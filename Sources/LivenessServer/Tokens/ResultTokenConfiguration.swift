import Configuration
import LivenessCore

/// How results are signed: ``Setting/tokenSettings`` (`RESULT_SIGNING_KEY_FILE`, `RESULT_SIGNING_PREVIOUS_KEY_FILES`,
/// `RESULT_TOKEN_TTL_SECONDS`, `RESULT_TOKEN_ISSUER`); the defaults are set here. Unset on a single node, the
/// signing key is generated once in `DATA_DIR` (``generatedKeyName``, mode 0600); with PostgreSQL it is required.
public struct ResultTokenConfiguration: Sendable, Hashable {
    public var keyFile: String?
    public var previousKeyFiles: [String] = []
    public var ttl: Double = 600
    public var issuer = "liveness"
    /// The generated key's file name inside `DATA_DIR`.
    public static let generatedKeyName = "result-signing-key.pem"

    public init() {}

    /// Reads every setting, keeping the defaults for missing ones.
    public init(config: ConfigReader) throws(ConfigurationError) {
        try self.init(settings: SettingsReader(config))
    }

    /// Reads every setting, keeping the defaults for missing ones.
    public init(settings: SettingsReader) throws(ConfigurationError) {
        self.init()
        keyFile = settings.text(.resultSigningKeyFile)
        previousKeyFiles = settings.list(.resultSigningPreviousKeyFiles)
        ttl = try settings.number(.resultTokenTTLSeconds, default: ttl)
        issuer = settings.text(.resultTokenIssuer) ?? issuer
    }
}
