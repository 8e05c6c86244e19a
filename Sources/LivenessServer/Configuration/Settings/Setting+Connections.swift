extension Setting {
    private static let connections = ConnectionConfiguration()

    public static let headerTimeoutSeconds = Setting(
        "header.timeout.seconds", .number(1...600), default: connections.headerTimeout, group: .connections,
        "from a request's first byte to the end of its headers")
    public static let idleTimeoutSeconds = Setting(
        "idle.timeout.seconds", .number(1...3600), default: connections.idleTimeout, group: .connections,
        "how long a kept-alive connection may wait for its next request")
    public static let bodyMinBytesPerSecond = Setting(
        "body.min.bytes.per.second", .integer(1...1_073_741_824), default: connections.bodyMinBytesPerSecond,
        group: .connections,
        "slowest body upload allowed, over every window of `HEADER_TIMEOUT_SECONDS` after a grace of the same length (a body that stalls is cut off)"
    )
    public static let maxBodyBytesInFlight = Setting(
        "max.body.bytes.in.flight", .integer(1_048_576...68_719_476_736), default: connections.maxBodyBytesInFlight,
        group: .connections, "request body bytes all connections may hold at once (declared or received); past it, 503 `overloaded`")
    public static let maxConnections = Setting(
        "max.connections", .integer(1...1_000_000), default: connections.maxConnections, group: .connections,
        "open connections at once; more wait in the listen backlog")
    public static let trustedProxies = Setting(
        "trusted.proxies", .list, group: .connections,
        "addresses or CIDRs of load balancers whose `X-Forwarded-For` names the client (unset: the header is ignored)")

    /// What ``ConnectionConfiguration`` reads.
}
