import Hummingbird
import NIOCore

/// The request context: Hummingbird's core storage plus the client's address (for rate limits
/// when there are no API keys, and for tracing).
public struct LivenessRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
