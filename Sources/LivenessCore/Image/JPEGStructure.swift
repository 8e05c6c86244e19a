import Foundation

/// The markers of a JPEG file, walked exactly as libjpeg reads them, so that the size guard and the decoder
/// can never disagree about which frame header counts.
///
/// libjpeg skips any byte that is not `FF`, swallows `FF` fill bytes, treats `FF 00` as data (not a
/// marker), takes RST0–7 and TEM without a length, and after each SOS reads entropy-coded data up to the
/// next marker other than RSTn. It refuses a second SOF. This walk does the same and records every frame
/// header and every scan.
struct JPEGStructure: Sendable {
    /// One component of the frame header: its sampling factors.
    struct Component: Sendable {
        let horizontal: Int
        let vertical: Int
    }

    /// A start-of-frame header.
    struct Frame: Sendable {
        let marker: UInt8
        let width: Int
        let height: Int
        let components: [Component]

        /// SOF2, SOF6, SOF10, SOF14: progressive, so the decoder keeps every coefficient of the image.
        var isProgressive: Bool { [0xC2, 0xC6, 0xCA, 0xCE].contains(marker) }

        /// SOF9–SOF11, SOF13–SOF15: arithmetic coding.
        var isArithmetic: Bool { marker >= 0xC9 && marker != 0xCC }

        /// The bytes of the coefficient buffer a progressive decode holds: 64 two-byte coefficients per 8×8
        /// block of each component, at its sampling.
        var coefficientBytes: Int {
            let maxH = components.map(\.horizontal).max() ?? 1
            let maxV = components.map(\.vertical).max() ?? 1
            return components.reduce(0) { total, component in
                let columns = (width * component.horizontal + maxH - 1) / maxH
                let rows = (height * component.vertical + maxV - 1) / maxV
                let blocks = ((columns + 7) / 8 + maxH) * ((rows + 7) / 8 + maxV)
                return total + blocks * 128
            }
        }
    }

    /// Every frame header, in order (a valid file has exactly one).
    private(set) var frames: [Frame] = []
    /// Start-of-scan markers seen (a baseline file has one per component group, a progressive one ~10).
    private(set) var scans = 0
    /// The payload (after the length field) of the first APP1 segment before the first scan: the one libjpeg
    /// saves for OpenCV's EXIF reader. Nil when there is none or it runs past the end of the data.
    private(set) var firstAPP1: Range<Int>?
    /// Whether an APP1 segment before the first scan runs past the end of the data.
    private(set) var truncatedAPP1 = false
    /// Whether the walk reached an EOI marker: false for data cut short.
    private(set) var complete = false

    /// Walks `reader` from SOI to EOI or the end of the data.
    init?(_ reader: ByteReader) {
        guard reader.matches([0xFF, 0xD8], at: 0) else { return nil }
        var offset = 2
        while let (marker, next) = Self.nextMarker(reader, from: offset) {
            offset = next
            switch marker {
            case 0xD9:  // EOI
                complete = true
                return
            case 0x01, 0xD0...0xD7: continue  // TEM, RSTn: no length
            case 0xD8: return nil  // a second SOI: libjpeg refuses it
            default: break
            }
            guard let length = reader.uint16BE(at: offset), length >= 2, offset + length <= reader.count else {
                if marker == 0xE1 && scans == 0 && firstAPP1 == nil { truncatedAPP1 = true }
                return
            }
            if marker == 0xE1 && scans == 0 && firstAPP1 == nil { firstAPP1 = (offset + 2)..<(offset + length) }
            if Self.isStartOfFrame(marker) {
                guard let frame = Self.frame(marker, reader, at: offset + 2, length: length - 2) else { return nil }
                frames.append(frame)
            }
            offset += length
            if marker == 0xDA {
                scans += 1
                offset = Self.endOfEntropyData(reader, from: offset)
            }
        }
    }

    /// The header with the largest area: the one a guard must judge.
    var largestFrame: Frame? { frames.max { $0.width * $0.height < $1.width * $1.height } }

    static func isStartOfFrame(_ marker: UInt8) -> Bool {
        (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
    }

    /// libjpeg's `next_marker`: skip non-FF bytes, swallow FF fill bytes, and treat `FF 00` as data.
    /// Returns the marker code and the offset just after it.
    private static func nextMarker(_ reader: ByteReader, from start: Int) -> (UInt8, Int)? {
        var offset = start
        while offset < reader.count {
            guard reader.bytes[offset] == 0xFF else {
                offset += 1
                continue
            }
            offset += 1
            while offset < reader.count, reader.bytes[offset] == 0xFF { offset += 1 }
            guard offset < reader.count else { return nil }
            let code = reader.bytes[offset]
            offset += 1
            if code != 0 { return (code, offset) }
        }
        return nil
    }

    /// The offset of the marker that ends a scan's entropy-coded data: the first `FF xx` with `xx` neither
    /// `00` (a stuffed byte), `FF` (fill) nor RST0–7 (restart markers inside the scan).
    private static func endOfEntropyData(_ reader: ByteReader, from start: Int) -> Int {
        reader.bytes.withUnsafeBufferPointer { buffer -> Int in
            let count = buffer.count
            guard let base = buffer.baseAddress else { return count }
            var offset = start
            while offset + 1 < count {
                // memchr jumps to the next FF at C speed, also in debug builds, where a Swift loop over
                // megabytes of entropy-coded data would hold a cooperative thread for seconds.
                guard let found = memchr(base + offset, 0xFF, count - offset) else { return count }
                offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                var code = offset + 1
                while code < count, base[code] == 0xFF { code += 1 }
                guard code < count else { return count }
                let byte = base[code]
                if byte != 0 && !(0xD0...0xD7).contains(byte) { return offset }
                offset = code + 1
            }
            return count
        }
    }

    /// A frame header's size and components (P, Y, X, Nf, then Nf × (C, H|V, Tq)).
    private static func frame(_ marker: UInt8, _ reader: ByteReader, at offset: Int, length: Int) -> Frame? {
        guard length >= 6, let height = reader.uint16BE(at: offset + 1), let width = reader.uint16BE(at: offset + 3),
            let count = reader.uint8(at: offset + 5), count > 0, length >= 6 + 3 * Int(count)
        else { return nil }
        var components: [Component] = []
        for index in 0..<Int(count) {
            guard let sampling = reader.uint8(at: offset + 6 + index * 3 + 1) else { return nil }
            let horizontal = Int(sampling >> 4)
            let vertical = Int(sampling & 0x0F)
            guard (1...4).contains(horizontal), (1...4).contains(vertical) else { return nil }
            components.append(Component(horizontal: horizontal, vertical: vertical))
        }
        return Frame(marker: marker, width: width, height: height, components: components)
    }
}
