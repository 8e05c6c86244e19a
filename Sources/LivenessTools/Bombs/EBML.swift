import LivenessCore
/// Just enough EBML (Matroska's encoding) to read a file's elements and write new ones, for the WebM bombs.
enum EBML {
    struct Element {
        var id: Int
        var sizeStart: Int
        var dataStart: Int
        var end: Int
    }

    /// The element at `offset`, or nil past the end or for an unknown size.
    static func element(_ bytes: [UInt8], at offset: Int) -> Element? {
        guard let (id, idLength) = vint(bytes, at: offset, keepMarker: true),
            let (size, sizeLength) = vint(bytes, at: offset + idLength, keepMarker: false)
        else { return nil }
        let dataStart = offset + idLength + sizeLength
        guard size != (1 << (7 * sizeLength)) - 1 else { return nil }
        return Element(id: id, sizeStart: offset + idLength, dataStart: dataStart, end: dataStart + size)
    }

    static func children(_ bytes: [UInt8], from start: Int, to end: Int) -> [Element] {
        var result: [Element] = []
        var offset = start
        while offset < end, let child = element(bytes, at: offset), child.end <= end {
            result.append(child)
            offset = child.end
        }
        return result
    }

    /// An element of `id` holding `data`, its size in the fewest bytes.
    static func encode(_ id: Int, _ data: [UInt8]) -> [UInt8] {
        let all: [UInt8] = (0..<4).map { (index: Int) -> UInt8 in UInt8((id >> (24 - 8 * index)) & 0xFF) }
        let idBytes = all.drop { $0 == 0 }
        var width = 1
        while data.count >= (1 << (7 * width)) - 1 { width += 1 }
        return Array(idBytes) + size(data.count, width: width) + data
    }

    /// `value` as a size of `width` bytes.
    static func size(_ value: Int, width: Int) -> [UInt8] {
        let marked = value | 1 << (7 * width)
        return (0..<width).map { (index: Int) -> UInt8 in UInt8((marked >> (8 * (width - 1 - index))) & 0xFF) }
    }

    private static func vint(_ bytes: [UInt8], at offset: Int, keepMarker: Bool) -> (Int, Int)? {
        guard offset < bytes.count, bytes[offset] != 0 else { return nil }
        let length = bytes[offset].leadingZeroBitCount + 1
        guard offset + length <= bytes.count else { return nil }
        var value = keepMarker ? Int(bytes[offset]) : Int(bytes[offset]) & (0xFF >> length)
        for index in 1..<length { value = value << 8 | Int(bytes[offset + index]) }
        return (value, length)
    }
}
