import Crypto

/// SHA-256 through swift-crypto (BoringSSL), for API-key digests, key ids, script hashes and the media
/// digest in result tokens.
enum SHA256 {
    static func hash(_ message: [UInt8]) -> [UInt8] { Array(Crypto.SHA256.hash(data: message)) }

    /// Lower-case hex digits of `bytes`.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] })
    }
}
