import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import LivenessWire

/// Closes connections that hold the server without sending a request: headers that trickle in, a body slower
/// than `BODY_MIN_BYTES_PER_SECOND`, a kept-alive connection idle past `IDLE_TIMEOUT_SECONDS`. And when the
/// server answers before the request body has arrived (a 401, 413 or 415 refuses it unread), the connection
/// closes after the answer instead of reading the rest of the body.
///
/// Sits after the HTTP codec; ``ConnectionGuard/ByteObserver`` sits before it, to see a request's first byte.
/// Both run on the connection's event loop only. Configuration: ``ConnectionConfiguration``.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let configuration: ConnectionConfiguration
    private var idleSince = NIODeadline.now()
    private var firstByte: NIODeadline?
    private var bodyStart: NIODeadline?
    private var bodyBytes = 0
    private var inFlight = 0
    private var ticker: Scheduled<Void>?

    init(configuration: ConnectionConfiguration) {
        self.configuration = configuration
    }

    /// Notes the first byte of each request, before the HTTP decoder buffers it.
    final class ByteObserver: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = ByteBuffer
        typealias InboundOut = ByteBuffer
        let owner: ConnectionGuard

        init(owner: ConnectionGuard) { self.owner = owner }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            owner.bytesArrived()
            context.fireChannelRead(data)
        }
    }

    func handlerAdded(context: ChannelHandlerContext) {
        idleSince = .now()
        try? context.pipeline.syncOperations.addHandler(ByteObserver(owner: self), position: .first)
        scheduleCheck(context)
    }

    /// Checks the limits once a second until the connection closes.
    private func scheduleCheck(_ context: ChannelHandlerContext) {
        ticker = context.eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(in: .seconds(1)) { [self] in
            if overdue(now: .now()) != nil {
                ticker = nil
                context.channel.close(promise: nil)
            } else {
                scheduleCheck(context)
            }
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        ticker?.cancel()
        ticker = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        ticker?.cancel()
        ticker = nil
        context.fireChannelInactive()
    }

    fileprivate func bytesArrived() {
        if inFlight == 0 && bodyStart == nil && firstByte == nil { firstByte = .now() }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            inFlight += 1
            firstByte = nil
            bodyStart = .now()
            bodyBytes = 0
        case .body(let buffer):
            bodyBytes += buffer.readableBytes
        case .end:
            bodyStart = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .end = unwrapOutboundIn(data) else {
            context.write(data, promise: promise)
            return
        }
        inFlight = max(0, inFlight - 1)
        if bodyStart != nil {
            // Answered before the body arrived: close rather than read the rest.
            let written = context.eventLoop.makePromise(of: Void.self)
            written.futureResult.whenComplete { [channel = context.channel] _ in channel.close(promise: nil) }
            promise.map { written.futureResult.cascade(to: $0) }
            context.writeAndFlush(data, promise: written)
            return
        }
        if inFlight == 0 { idleSince = .now() }
        context.write(data, promise: promise)
    }

    /// The HTTP parser refused the bytes (a NUL or bare CR/LF in a header, headers over the size limit,
    /// conflicting lengths, an HTTP/2 preface): answer with the JSON error body, then close.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        let message =
            switch parserError {
            case .headerOverflow: "the request headers are too large"
            case .invalidVersion: "only HTTP/1.1 and HTTP/1.0 are served here"
            default: "the request is not valid HTTP/1.1"
            }
        let body = APIError.invalidRequest(message).jsonBody
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.contentLength] = String(body.count)
        headers[.connection] = "close"
        context.write(wrapOutboundOut(.head(HTTPResponse(status: .badRequest, headerFields: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(bytes: body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { [channel = context.channel] _ in
            channel.close(promise: nil)
        }
    }

    /// Which limit the connection has passed at `now`, if any.
    func overdue(now: NIODeadline) -> String? {
        if let bodyStart {
            let elapsed = Double((now - bodyStart).nanoseconds) / 1e9
            let grace = configuration.headerTimeout
            if elapsed > grace && Double(bodyBytes) < Double(configuration.bodyMinBytesPerSecond) * (elapsed - grace) {
                return "body too slow"
            }
            return nil
        }
        guard inFlight == 0 else { return nil }
        if let firstByte {
            return Double((now - firstByte).nanoseconds) / 1e9 > configuration.headerTimeout ? "headers too slow" : nil
        }
        return Double((now - idleSince).nanoseconds) / 1e9 > configuration.idleTimeout ? "idle" : nil
    }
}
