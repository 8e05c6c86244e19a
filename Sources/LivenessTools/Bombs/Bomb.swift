import LivenessCore
/// A small input that costs a decoder far more than its size, or slips past a check, with the answer the
/// service must give it. Made by ``BombCorpus`` (never stored as files), used by the tests, `liveness fuzz`
/// and `benchmarks/bombs.sh`.
public struct Bomb: Sendable {
    public enum Kind: String, Sendable {
        /// A `POST /liveness` image.
        case image
        /// A `POST /active/blink` video.
        case video
    }

    /// A short name, e.g. `jpeg-desync`.
    public let name: String
    public let kind: Kind
    /// What it attacks, in a sentence.
    public let summary: String
    public let bytes: [UInt8]
    /// The error code the service answers with.
    public let expectedCode: String
    /// For a video: refused by the container walk, before FFmpeg opens the file (false: by the limits checked while
    /// decoding, such as the frame rate and the decoded pixels).
    public let refusedByContainer: Bool

    public init(name: String, kind: Kind, summary: String, bytes: [UInt8], expectedCode: String, refusedByContainer: Bool = true) {
        self.name = name
        self.kind = kind
        self.summary = summary
        self.bytes = bytes
        self.expectedCode = expectedCode
        self.refusedByContainer = refusedByContainer
    }
}
