import HTTPTypes
import NIOCore
import NIOHTTPTypes

extension ConnectionGuard {
    /// Answers `error` with its JSON body on the connection itself (the request never reached the router), then
    /// closes it.
    func refuse(_ error: APIError, context: ChannelHandlerContext) {
        let body = error.jsonBody
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.contentLength] = String(body.count)
        headers[.connection] = "close"
        if error.status == .serviceUnavailable { headers[.retryAfter] = "1" }
        context.write(wrapOutboundOut(.head(HTTPResponse(status: error.status, headerFields: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(bytes: body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { [channel = context.channel] _ in
            channel.close(promise: nil)
        }
    }
}
