/// The accepted API keys, kept only as SHA-256 digests and compared in constant time.
///
/// Read from `API_KEY` and `API_KEYS` by ``ServerConfiguration``. Empty means no authentication. An entry may
/// name its key's id: `backend-a:<key>` (a name of 1–64 letters, digits, `.`, `_` or `-`, then a colon). The id
/// is what audit entries, challenges and result tokens (`aud`) carry. Without a name it is the first 12 hex
/// digits of the key's SHA-256, which lets anyone holding a token test guesses of a weak key offline: name
/// the keys, or use long random ones.
public struct APIKeySet: Sendable, ExpressibleByArrayLiteral {
    private let digests: [[UInt8]]
    private let ids: [String]

    public init(_ keys: [String]) {
        let entries = keys.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.map(Self.parse)
        digests = entries.map { SHA256.hash(Array($0.key.utf8)) }
        ids = zip(entries, digests).map { entry, digest in entry.name ?? Self.id(of: digest) }
    }

    public init(arrayLiteral keys: String...) { self.init(keys) }

    /// True when no key is configured.
    public var isEmpty: Bool { digests.isEmpty }

    /// The number of keys.
    public var count: Int { digests.count }

    /// The id of `candidate` (its name, or a short hash prefix: safe to log and store) when it is one of the keys.
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
        return match >= 0 ? ids[match] : nil
    }

    /// A key's unnamed id: the first 12 hex digits of its SHA-256.
    static func id(of digest: [UInt8]) -> String {
        SHA256.hex(digest.prefix(6))
    }

    /// `name:key` when the part before the first colon is a valid name; otherwise the whole entry is the key.
    static func parse(_ entry: String) -> (name: String?, key: String) {
        guard let colon = entry.firstIndex(of: ":") else { return (nil, entry) }
        let name = entry[..<colon]
        let key = entry[entry.index(after: colon)...]
        let valid = (1...64).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        guard valid, !key.isEmpty else { return (nil, entry) }
        return (String(name), String(key))
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        String(self.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
