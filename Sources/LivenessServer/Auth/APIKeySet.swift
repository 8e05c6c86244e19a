/// The accepted API keys, kept only as SHA-256 digests and compared in constant time.
///
/// Read from `API_KEY` and `API_KEYS` by ``ServerConfiguration``. Empty means no authentication.
public struct APIKeySet: Sendable, ExpressibleByArrayLiteral {
    private let digests: [[UInt8]]

    public init(_ keys: [String]) {
        digests = keys.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.map { SHA256.hash(Array($0.utf8)) }
    }

    public init(arrayLiteral keys: String...) { self.init(keys) }

    /// True when no key is configured.
    public var isEmpty: Bool { digests.isEmpty }

    /// The number of keys.
    public var count: Int { digests.count }

    /// The id of `candidate` (a short hash prefix, safe to log and store) when it is one of the keys.
    ///
    /// Every configured key is compared, each in constant time, so the time taken does not reveal
    /// which key, or how much of one, matched.
    public func identify(_ candidate: String) -> String? {
        let digest = SHA256.hash(Array(candidate.utf8))
        var match = -1
        for (index, key) in digests.enumerated() {
            var difference: UInt8 = 0
            for (left, right) in zip(key, digest) { difference |= left ^ right }
            if difference == 0 { match = index }
        }
        return match >= 0 ? Self.id(of: digest) : nil
    }

    /// A key's id: the first 12 hex digits of its SHA-256.
    static func id(of digest: [UInt8]) -> String {
        SHA256.hex(digest.prefix(6))
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        String(self.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
