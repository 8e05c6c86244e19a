import Hummingbird
import NIOCore

/// Refuses request bodies over `MAX_BODY_BYTES` while they stream in.
///
/// A declared `Content-Length` over the limit is refused before any byte is read; a chunked body
/// is counted as it arrives and fails the moment it passes the limit, so nothing larger than the
/// limit is ever buffered.
struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The default limit (`MAX_BODY_BYTES`).
    let defaultLimit: Int
    /// Limits for particular paths (the blink upload's `MAX_VIDEO_BYTES`).
    let pathLimits: [String: Int]

    init(limit: Int, pathLimits: [String: Int] = [:]) {
        self.defaultLimit = limit
        self.pathLimits = pathLimits
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let limit = pathLimits[request.uri.path] ?? defaultLimit
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw BodyLimitExceeded(limit: limit)
        }
        var request = request
        request.body = RequestBody(asyncSequence: LimitedBody(base: request.body, limit: limit))
        return try await next(request, context)
    }
}

/// A request body that throws ``BodyLimitExceeded`` once more than `limit` bytes have arrived.
struct LimitedBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let base: RequestBody
    let limit: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: RequestBody.AsyncIterator
        let limit: Int
        var received = 0

        mutating func next() async throws -> ByteBuffer? {
            guard let buffer = try await base.next() else { return nil }
            received += buffer.readableBytes
            if received > limit { throw BodyLimitExceeded(limit: limit) }
            return buffer
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: base.makeAsyncIterator(), limit: limit) }
}
