import Configuration
import LivenessCore

/// Limits on connections, applied before any request reaches the router: ``Setting/connectionSettings``
/// (`HEADER_TIMEOUT_SECONDS`, `IDLE_TIMEOUT_SECONDS`, `BODY_MIN_BYTES_PER_SECOND`, `MAX_CONNECTIONS`,
/// `MAX_BODY_BYTES_IN_FLIGHT`, `TRUSTED_PROXIES`); the defaults are set here.
public struct ConnectionConfiguration: Sendable, Hashable {
    public var headerTimeout: Double = 10
    public var idleTimeout: Double = 60
    public var bodyMinBytesPerSecond = 16_384
    public var maxConnections = 512
    public var maxBodyBytesInFlight = 192 * 1024 * 1024
    public var trustedProxies = TrustedProxies.none

    public init() {}

    /// Reads every setting, keeping the defaults for missing ones.
    public init(config: ConfigReader) throws(ConfigurationError) {
        try self.init(settings: SettingsReader(config))
    }

    /// Reads every setting, keeping the defaults for missing ones.
    public init(settings: SettingsReader) throws(ConfigurationError) {
        self.init()
        headerTimeout = try settings.number(.headerTimeoutSeconds, default: headerTimeout)
        idleTimeout = try settings.number(.idleTimeoutSeconds, default: idleTimeout)
        bodyMinBytesPerSecond = try settings.integer(.bodyMinBytesPerSecond, default: bodyMinBytesPerSecond)
        maxConnections = try settings.integer(.maxConnections, default: maxConnections)
        maxBodyBytesInFlight = try settings.integer(.maxBodyBytesInFlight, default: maxBodyBytesInFlight)
        if let text = settings.text(.trustedProxies) {
            switch TrustedProxies.parse(text) {
            case .success(let proxies): trustedProxies = proxies
            case .failure(let error):
                throw settings.refusal(.trustedProxies, "'\(error.entry.prefix(60))' is not an address or CIDR")
            }
        }
    }
}
