/// ECDSA P-256 signatures in their low-S form (s ≤ n/2), as some verifiers (and every one that refuses
/// malleable signatures) require. (r, s) and (r, n − s) are both valid; BoringSSL, under swift-crypto and
/// jwt-kit, returns either, so each JWS signature is normalised after signing.
enum LowSSignature {
    /// The order n of P-256, big-endian.
    static let order: [UInt8] = [
        0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x51,
    ]

    /// n / 2, rounded down, big-endian.
    static let halfOrder: [UInt8] = {
        var half = [UInt8](repeating: 0, count: 32)
        var carry = 0
        for index in 0..<32 {
            let value = carry << 8 | Int(order[index])
            half[index] = UInt8(value >> 1)
            carry = value & 1
        }
        return half
    }()

    /// Whether the 64-byte JWS signature `r ‖ s` has s ≤ n/2.
    static func isLow(_ signature: [UInt8]) -> Bool {
        signature.count == 64 && !halfOrder.lexicographicallyPrecedes(signature[32...])
    }

    /// `signature` (`r ‖ s`, 64 bytes) with s replaced by n − s when s > n/2.
    static func normalized(_ signature: [UInt8]) -> [UInt8] {
        guard signature.count == 64, !isLow(signature) else { return signature }
        var difference = [UInt8](repeating: 0, count: 32)
        var borrow = 0
        for index in (0..<32).reversed() {
            var value = Int(order[index]) - Int(signature[32 + index]) - borrow
            borrow = value < 0 ? 1 : 0
            if value < 0 { value += 256 }
            difference[index] = UInt8(value)
        }
        return Array(signature[..<32]) + difference
    }

    /// The compact JWS `token` with its signature normalised.
    static func normalized(token: String) -> String {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let signature = Base64URL.decode(String(parts[2])) else { return token }
        return "\(parts[0]).\(parts[1]).\(Base64URL.encode(normalized(signature)))"
    }
}
