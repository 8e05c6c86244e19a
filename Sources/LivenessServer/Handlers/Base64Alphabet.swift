/// Each byte's meaning in ``Base64Image``'s input: its 6-bit value (standard and URL-safe alphabets), or one of
/// the markers below.
enum Base64Alphabet {
    static let space: UInt8 = 0xFD
    static let padding: UInt8 = 0xFE
    static let invalid: UInt8 = 0xFF

    static let values: [UInt8] = {
        var values = [UInt8](repeating: invalid, count: 256)
        let standard = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (value, character) in standard.enumerated() { values[Int(character)] = UInt8(value) }
        values[Int(UInt8(ascii: "-"))] = 62
        values[Int(UInt8(ascii: "_"))] = 63
        for character in [0x20, 0x0A, 0x0D, 0x09] { values[character] = space }
        values[Int(UInt8(ascii: "="))] = padding
        return values
    }()
}
