import Configuration
import LivenessCore

/// Limits on connections, applied before any request reaches the router.
///
/// Configuration keys (environment variable, then the config key it maps from):
/// - `HEADER_TIMEOUT_SECONDS` (`header.timeout.seconds`): time from a request's first byte to the end of its
///   headers. Default 10.
/// - `IDLE_TIMEOUT_SECONDS` (`idle.timeout.seconds`): how long a kept-alive connection may wait for its next
///   request. Default 60.
/// - `BODY_MIN_BYTES_PER_SECOND` (`body.min.bytes.per.second`): the slowest body upload allowed, averaged from
///   the end of the headers after a grace of `HEADER_TIMEOUT_SECONDS`. Default 16384 (128 kbit/s).
/// - `MAX_CONNECTIONS` (`max.connections`): open connections at once; more wait in the listen backlog.
///   Default 512.
/// - `TRUSTED_PROXIES` (`trusted.proxies`): CIDRs of load balancers whose `X-Forwarded-For` names the client
///   (for per-address rate limits). Default none: the header is ignored.
public struct ConnectionConfiguration: Sendable, Hashable {
    public var headerTimeout: Double = 10
    public var idleTimeout: Double = 60
    public var bodyMinBytesPerSecond = 16_384
    public var maxConnections = 512
    public var trustedProxies = TrustedProxies.none

    public init() {}

    public init(config: ConfigReader) throws(ConfigurationError) {
        self.init()
        headerTimeout = try ConfigurationError.number(
            config, "header.timeout.seconds", "HEADER_TIMEOUT_SECONDS", default: headerTimeout, in: 1...600)
        idleTimeout = try ConfigurationError.number(
            config, "idle.timeout.seconds", "IDLE_TIMEOUT_SECONDS", default: idleTimeout, in: 1...3600)
        bodyMinBytesPerSecond = Int(
            try ConfigurationError.number(
                config, "body.min.bytes.per.second", "BODY_MIN_BYTES_PER_SECOND", default: Double(bodyMinBytesPerSecond),
                in: 1...1_073_741_824))
        maxConnections = Int(
            try ConfigurationError.number(
                config, "max.connections", "MAX_CONNECTIONS", default: Double(maxConnections), in: 1...1_000_000))
        if let text = config.string(forKey: "trusted.proxies") {
            switch TrustedProxies.parse(text) {
            case .success(let proxies): trustedProxies = proxies
            case .failure(let error):
                throw ConfigurationError(variable: "TRUSTED_PROXIES", message: "'\(error.entry.prefix(60))' is not an address or CIDR")
            }
        }
    }
}
