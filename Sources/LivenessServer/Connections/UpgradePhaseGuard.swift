import HTTPTypes
import NIOCore
import NIOHTTP1

/// Guards a connection of the WebSocket-upgradable server (`LIVE_SESSIONS`) while its first request head is
/// parsed. There the upgrade handler reads the head before ``ConnectionGuard`` is in the pipeline, so this
/// handler applies the same limits to that phase: a connection that sends nothing is closed after
/// `IDLE_TIMEOUT_SECONDS`, a head still incomplete `HEADER_TIMEOUT_SECONDS` after its first byte is cut off,
/// and the HTTP parser's refusals are answered with the JSON 400 (``Tail`` sees them and asks this handler,
/// which sits first and so writes bytes, to answer).
///
/// The phase ends when the head is parsed: ``Tail`` then removes both handlers, and ``ConnectionGuard`` (for
/// HTTP) or the live session's own limits (for a WebSocket) take over. Runs on the connection's event loop
/// only. Configuration: ``ConnectionConfiguration``.
final class UpgradePhaseGuard: ChannelInboundHandler, RemovableChannelHandler, ConnectionDeadline {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    let configuration: ConnectionConfiguration
    private let opened = NIODeadline.now()
    private var firstByte: NIODeadline?
    var ticker: Scheduled<Void>?
    private var context: ChannelHandlerContext?
    private var answered = false

    init(configuration: ConnectionConfiguration) {
        self.configuration = configuration
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        scheduleCheck(context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        ticker?.cancel()
        ticker = nil
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if answered { return }
        if firstByte == nil { firstByte = .now() }
        context.fireChannelRead(data)
    }

    /// The connection ended before its first head was parsed (this guard's limits or refusals closed it, or the
    /// client left, as a TCP health probe does): told to the upgrade handler as the input closing, which ends its
    /// negotiation quietly. Without it the handler's removal fails the negotiation as an unexpected state, which
    /// Hummingbird logs at error level for every such connection.
    func channelInactive(context: ChannelHandlerContext) {
        context.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        context.fireChannelInactive()
    }

    /// Which limit the connection has passed at `now`, if any.
    func overdue(now: NIODeadline) -> String? {
        if let firstByte {
            return Double((now - firstByte).nanoseconds) / 1e9 > configuration.headerTimeout ? "headers too slow" : nil
        }
        return Double((now - opened).nanoseconds) / 1e9 > configuration.idleTimeout ? "idle" : nil
    }

    /// Answers `error` with its JSON body as raw HTTP/1.1 bytes (the response encoder is after this handler),
    /// then closes the connection; later bytes are dropped.
    func refuse(_ error: APIError) {
        guard let context, !answered else { return }
        answered = true
        let body = error.jsonBody
        let head =
            "HTTP/1.1 \(error.status.code) \(error.status.reasonPhrase)\r\n"
            + "Content-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        var buffer = context.channel.allocator.buffer(capacity: head.utf8.count + body.count)
        buffer.writeString(head)
        buffer.writeBytes(body)
        context.writeAndFlush(wrapInboundOut(buffer)).whenComplete { [channel = context.channel] _ in
            channel.close(promise: nil)
        }
    }
}
