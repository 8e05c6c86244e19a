import OpenAPIRuntime

/// A request body that throws ``BodyLimitExceeded`` once more than `limit` bytes have arrived, so nothing
/// larger than the limit is ever buffered.
struct LimitedBody: AsyncSequence, Sendable {
    typealias Element = HTTPBody.ByteChunk
    let base: HTTPBody
    /// The bytes allowed.
    let limit: Int
    /// The limit the error names (the setting's value).
    let named: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: HTTPBody.AsyncIterator
        let limit: Int
        let named: Int
        var received = 0

        mutating func next() async throws -> HTTPBody.ByteChunk? {
            guard let chunk = try await base.next() else { return nil }
            received += chunk.count
            if received > limit { throw BodyLimitExceeded(limit: named) }
            return chunk
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: base.makeAsyncIterator(), limit: limit, named: named) }
}
