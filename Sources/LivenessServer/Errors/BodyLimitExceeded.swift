/// Thrown while a request body streams in, as soon as it passes the byte limit.
struct BodyLimitExceeded: Error {
    let limit: Int
}
