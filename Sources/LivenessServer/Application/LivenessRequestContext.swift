import Hummingbird
import NIOCore

/// The request context: Hummingbird's core storage plus the client's address (for rate limits
/// when there are no API keys, and for tracing) and its connection's closing (``HangUp``).
public struct LivenessRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// Completes when the client's connection closes.
    public let connectionClosed: EventLoopFuture<Void>

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        connectionClosed = source.channel.closeFuture
    }
}
