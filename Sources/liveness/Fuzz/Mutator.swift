import LivenessCore
import LivenessTools

/// Derives hostile inputs from valid ones: bit flips, truncation, splicing, byte runs, and edits of
/// the header fields decoders trust (dimensions, chunk and box lengths, EXIF offsets).
struct Mutator {
    var random: SplitMix64

    /// Values that break size arithmetic.
    static let edgeValues: [UInt32] = [0, 1, 2, 0x7F, 0xFF, 0x100, 0x3FFF, 0x4000, 0xFFFF, 0x1_0000, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF]

    mutating func mutate(_ seed: [UInt8], other: [UInt8]) -> (name: String, bytes: [UInt8]) {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return ("bitflip", flipBits(seed))
        case 1: return ("truncate", Array(seed.prefix(Int.random(in: 0...max(0, seed.count - 1), using: &random))))
        case 2: return ("splice", splice(seed, other))
        case 3: return ("bytes", editRun(seed))
        default: return ("header", editHeader(seed))
        }
    }

    mutating func flipBits(_ bytes: [UInt8]) -> [UInt8] {
        guard !bytes.isEmpty else { return bytes }
        var out = bytes
        // Most flips land in the first 4 KB, where the headers are.
        for _ in 0..<Int.random(in: 1...16, using: &random) {
            let limit = Bool.random(using: &random) ? min(out.count, 4096) : out.count
            out[Int.random(in: 0..<limit, using: &random)] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
        }
        return out
    }

    mutating func splice(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        let cutA = Int.random(in: 0...a.count, using: &random)
        let cutB = Int.random(in: 0...b.count, using: &random)
        return Array(a.prefix(cutA)) + Array(b.suffix(from: cutB))
    }

    /// Deletes, duplicates or overwrites a run of bytes.
    mutating func editRun(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count > 2 else { return bytes + bytes }
        var out = bytes
        let start = Int.random(in: 0..<out.count, using: &random)
        let length = min(Int.random(in: 1...256, using: &random), out.count - start)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: out.removeSubrange(start..<start + length)
        case 1: out.insert(contentsOf: out[start..<start + length], at: start)
        default: for index in start..<start + length { out[index] = UInt8.random(in: 0...255, using: &random) }
        }
        return out
    }

    /// Overwrites a 16- or 32-bit field the format's header parser reads.
    mutating func editHeader(_ bytes: [UInt8]) -> [UInt8] {
        let offsets = Self.fieldOffsets(bytes)
        guard let offset = offsets.randomElement(using: &random) else { return flipBits(bytes) }
        var out = bytes
        let value =
            Bool.random(using: &random)
            ? Self.edgeValues.randomElement(using: &random)! : UInt32.random(in: 0...UInt32.max, using: &random)
        let width = Bool.random(using: &random) ? 2 : 4
        let bigEndian = Bool.random(using: &random)
        for index in 0..<width where offset + index < out.count {
            let shift = bigEndian ? (width - 1 - index) * 8 : index * 8
            out[offset + index] = UInt8(truncatingIfNeeded: value >> UInt32(shift))
        }
        return out
    }

    /// Where the length, dimension and offset fields of the first structures are.
    static func fieldOffsets(_ bytes: [UInt8]) -> [Int] {
        let reader = ByteReader(bytes)
        var offsets: [Int] = []
        if reader.matches([0x89, 0x50, 0x4E, 0x47], at: 0) {
            offsets += [8, 16, 20]  // first chunk length, IHDR width and height
            var chunk = 8
            for _ in 0..<6 {  // later chunk lengths
                guard let length = reader.uint32BE(at: chunk), length < bytes.count else { break }
                offsets.append(chunk)
                chunk += 12 + length
            }
        } else if reader.matches([0xFF, 0xD8], at: 0) {
            var position = 2
            while position + 4 < bytes.count, bytes[position] == 0xFF, let length = reader.uint16BE(at: position + 2) {
                offsets += [position + 2, position + 5, position + 7]  // segment length; SOF height and width
                position += 2 + length
            }
            if let exif = findSubsequence(Array("Exif".utf8), in: bytes) { offsets += [exif + 10, exif + 14, exif + 18, exif + 22] }
        } else if reader.matches(Array("RIFF".utf8), at: 0) {
            offsets += [4, 16, 24, 27, 21, 26, 28]  // RIFF size, chunk size, VP8X/VP8/VP8L dimensions
        } else if reader.matches(Array("BM".utf8), at: 0) {
            offsets += [2, 10, 14, 18, 22, 28, 30, 34, 46]  // sizes, offset, width, height, bpp, compression, colours
        } else {
            // MP4 boxes and Matroska elements: size fields in the first 64 KB.
            for box in ["ftyp", "moov", "mvhd", "trak", "tkhd", "mdia", "stsd", "stsz", "stco", "avcC", "mdat"] {
                if let at = findSubsequence(Array(box.utf8), in: Array(bytes.prefix(65_536))), at >= 4 { offsets += [at - 4, at + 4, at + 8] }
            }
            offsets += Array(stride(from: 4, to: min(bytes.count, 512), by: 7))
        }
        return offsets.filter { $0 >= 0 && $0 < bytes.count }
    }

    static func findSubsequence(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count, let first = needle.first else { return nil }
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == first && haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
