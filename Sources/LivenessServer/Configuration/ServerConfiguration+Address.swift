import NIOCore

extension ServerConfiguration {
    /// Resolves `HOST` and `PORT` to the address the server binds, before anything starts, so that a host that
    /// is neither an address nor a resolvable name stops startup with the variable named (exit 2), not a bind
    /// failure after the models loaded.
    ///
    /// - Throws: ``ConfigurationError`` for `HOST`.
    public func checkAddress() throws(ConfigurationError) {
        do {
            _ = try SocketAddress.makeAddressResolvingHost(host, port: port)
        } catch {
            throw ConfigurationError(
                variable: Setting.host.variable, message: "'\(host.prefix(80))' is not an address or a name that resolves (\(error))")
        }
    }
}
