/// Bounds-checked reads of big- and little-endian integers from a byte buffer.
///
/// Every read returns nil instead of trapping when it would run past the end, so header
/// parsers can treat hostile input as plain data.
public struct ByteReader: Sendable {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var count: Int { bytes.count }

    public func matches(_ prefix: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset <= bytes.count - prefix.count else { return false }
        return bytes[offset..<offset + prefix.count].elementsEqual(prefix)
    }

    public func uint8(at offset: Int) -> UInt8? {
        guard offset >= 0, offset < bytes.count else { return nil }
        return bytes[offset]
    }

    public func uint16BE(at offset: Int) -> Int? { unsigned(at: offset, width: 2, bigEndian: true) }
    public func uint16LE(at offset: Int) -> Int? { unsigned(at: offset, width: 2, bigEndian: false) }
    public func uint24LE(at offset: Int) -> Int? { unsigned(at: offset, width: 3, bigEndian: false) }
    public func uint32BE(at offset: Int) -> Int? { unsigned(at: offset, width: 4, bigEndian: true) }
    public func uint32LE(at offset: Int) -> Int? { unsigned(at: offset, width: 4, bigEndian: false) }

    /// A signed little-endian 32-bit integer.
    public func int32LE(at offset: Int) -> Int? { uint32LE(at: offset).map { Int(Int32(truncatingIfNeeded: $0)) } }

    /// A signed little-endian 16-bit integer.
    public func int16LE(at offset: Int) -> Int? { uint16LE(at: offset).map { Int(Int16(truncatingIfNeeded: $0)) } }

    private func unsigned(at offset: Int, width: Int, bigEndian: Bool) -> Int? {
        guard offset >= 0, offset <= bytes.count - width else { return nil }
        var value = 0
        for index in 0..<width {
            let byte = Int(bytes[offset + (bigEndian ? index : width - 1 - index)])
            value = value << 8 | byte
        }
        return value
    }
}
