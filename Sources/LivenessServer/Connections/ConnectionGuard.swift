import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import LivenessWire

/// Closes connections that hold the server without sending a request: headers that trickle in, a body slower
/// than `BODY_MIN_BYTES_PER_SECOND` over any window of `HEADER_TIMEOUT_SECONDS` (``BodyProgress``), a kept-alive
/// connection idle past `IDLE_TIMEOUT_SECONDS`. Refuses a request with 503 `overloaded` before reading its body
/// when the bodies of all connections would hold more than `MAX_BODY_BYTES_IN_FLIGHT` (``BodyBudget``). And when
/// the server answers before the request body has arrived (a 401, 413 or 415 refuses it unread), the connection
/// closes after the answer instead of reading the rest of the body.
///
/// Sits after the HTTP codec; ``ConnectionGuard/ByteObserver`` sits before it, to see a request's first byte.
/// Both run on the connection's event loop only. Configuration: ``ConnectionConfiguration``.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler, ConnectionDeadline {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let configuration: ConnectionConfiguration
    let budget: BodyBudget
    /// The largest body any route accepts: a larger `Content-Length` reserves only this much (the route answers 413).
    let largestBody: Int
    private var idleSince = NIODeadline.now()
    private var firstByte: NIODeadline?
    private var body: BodyProgress?
    /// Body bytes each request read and not yet answered holds in ``budget``, oldest first. A keep-alive client
    /// may send its next request as soon as it has an answer's Content-Length bytes, before that answer's end has
    /// passed here: two requests are then in flight, and only the newest one's body can still be arriving.
    private var reservations: [Int] = []
    private var inFlight: Int { reservations.count }
    /// The current request was refused here: its parts are dropped.
    private var refusing = false
    var ticker: Scheduled<Void>?

    init(configuration: ConnectionConfiguration, budget: BodyBudget, largestBody: Int) {
        self.configuration = configuration
        self.budget = budget
        self.largestBody = largestBody
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

    func handlerRemoved(context: ChannelHandlerContext) {
        ticker?.cancel()
        ticker = nil
        releaseBody()
    }

    func channelInactive(context: ChannelHandlerContext) {
        ticker?.cancel()
        ticker = nil
        releaseBody()
        context.fireChannelInactive()
    }

    fileprivate func bytesArrived() {
        if inFlight == 0 && body == nil && firstByte == nil { firstByte = .now() }
    }

    private func releaseBody() {
        budget.release(reservations.reduce(0, +))
        reservations.removeAll()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if refusing { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            firstByte = nil
            let declared = head.headerFields[.contentLength].flatMap { Int($0) }.map { min(max(0, $0), largestBody) } ?? 0
            guard budget.reserve(declared) else {
                refusing = true
                refuse(.bodiesInFlight, context: context)
                return
            }
            reservations.append(declared)
            body = BodyProgress(start: .now())
        case .body(let buffer):
            body?.received(buffer.readableBytes)
            // Without a Content-Length (chunked), the bytes are reserved as they arrive.
            if let received = body?.bytes, let reserved = reservations.last, received > reserved {
                guard budget.reserve(received - reserved) else {
                    context.channel.close(promise: nil)
                    return
                }
                reservations[reservations.count - 1] = received
            }
        case .end:
            body = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .end = unwrapOutboundIn(data) else {
            context.write(data, promise: promise)
            return
        }
        if !reservations.isEmpty { budget.release(reservations.removeFirst()) }
        if inFlight == 0 && body != nil {
            // This answer's own request is still arriving (no later request is in flight): answered before the
            // body arrived, so close rather than read the rest.
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
        refuse(Self.refusal(parserError), context: context)
    }

    /// The JSON 400 that answers an HTTP parser's refusal (here and in ``UpgradePhaseGuard``).
    static func refusal(_ parserError: HTTPParserError) -> APIError {
        let message =
            switch parserError {
            case .headerOverflow: "the request headers are too large"
            case .invalidVersion: "only HTTP/1.1 and HTTP/1.0 are served here"
            default: "the request is not valid HTTP/1.1"
            }
        return .invalidRequest(message)
    }

    /// Which limit the connection has passed at `now`, if any.
    func overdue(now: NIODeadline) -> String? {
        if body != nil {
            let window = configuration.headerTimeout
            let slow = body?.tooSlow(now: now, rate: configuration.bodyMinBytesPerSecond, grace: window, window: window) ?? false
            return slow ? "body too slow" : nil
        }
        guard inFlight == 0 else { return nil }
        if let firstByte {
            return Double((now - firstByte).nanoseconds) / 1e9 > configuration.headerTimeout ? "headers too slow" : nil
        }
        return Double((now - idleSince).nanoseconds) / 1e9 > configuration.idleTimeout ? "idle" : nil
    }
}
