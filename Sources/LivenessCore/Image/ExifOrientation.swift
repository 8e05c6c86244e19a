/// The EXIF orientation of a JPEG, read as OpenCV 4.6's `cv::imdecode` reads it, so that the TurboJPEG decode
/// rotates exactly where OpenCV's did.
///
/// OpenCV's reader (imgcodecs' `ExifReader`) is lenient: it takes the first APP1 segment before the first scan
/// whatever it holds, skips 6 bytes ("Exif\0\0"), reads the TIFF byte order, the mark 42 and IFD0, and walks
/// IFD0's entries in order until a read runs past the end; the first Orientation entry (0x0112) it reached
/// counts, whatever follows. This type follows those rules for the cases they settle, and answers
/// ``undetermined`` where OpenCV's handling of a malformed field is not certain (an entry whose value it reads
/// runs past the end, a byte order that is neither "II" nor "MM"). The decoder then falls back to OpenCV, which
/// is today's decode by construction.
enum ExifOrientation: Equatable, Sendable {
    /// The TIFF orientation OpenCV applies (1 or none: as stored; 2-8: flipped and/or transposed).
    case value(Int)
    /// OpenCV's lenient parse could differ from this one: decode with OpenCV.
    case undetermined

    /// Orientation, the tag whose value is applied.
    private static let orientationTag = 0x0112
    /// Tags OpenCV reads a string for (ImageDescription, Make, Model, Software, DateTime, Copyright).
    private static let stringTags: Set<Int> = [0x010E, 0x010F, 0x0110, 0x0131, 0x0132, 0x8298]
    /// Tags OpenCV reads rationals for, with the most rationals it reads (XResolution, YResolution, WhitePoint,
    /// PrimaryChromaticities, YCbCrCoefficients, ReferenceBlackWhite).
    private static let rationalTags: [Int: Int] = [0x011A: 1, 0x011B: 1, 0x013E: 2, 0x013F: 6, 0x0211: 3, 0x0214: 6]

    /// The orientation of a JPEG walked by ``JPEGStructure``.
    init(_ structure: JPEGStructure, _ reader: ByteReader) {
        if structure.truncatedAPP1 {
            self = .undetermined
            return
        }
        guard let app1 = structure.firstAPP1, app1.count > 6 else {
            self = .value(1)
            return
        }
        self.init(tiff: ByteReader(Array(reader.bytes[(app1.lowerBound + 6)..<app1.upperBound])))
    }

    /// The orientation in a TIFF structure (an APP1 payload after its 6-byte "Exif\0\0" header).
    init(tiff data: ByteReader) {
        let order = data.bytes.count > 1 && data.bytes[0] == data.bytes[1] ? data.bytes.first : nil
        let little = order == UInt8(ascii: "I")
        let u16 = { (offset: Int) -> Int? in little ? data.uint16LE(at: offset) : data.uint16BE(at: offset) }
        let u32 = { (offset: Int) -> Int? in little ? data.uint32LE(at: offset) : data.uint32BE(at: offset) }
        // A read past the end before any Orientation entry: OpenCV found none.
        guard u16(2) == 42 else {
            self = .value(1)
            return
        }
        guard little || order == UInt8(ascii: "M") else {
            self = .undetermined
            return
        }
        guard let directory = u32(4), let entries = u16(directory) else {
            self = .value(1)
            return
        }
        var offset = directory + 2
        for _ in 0..<entries {
            guard let tag = u16(offset) else {
                self = .value(1)
                return
            }
            if tag == Self.orientationTag {
                self = u16(offset + 8).map { .value($0) } ?? .undetermined
                return
            }
            if !Self.readsInBounds(tag: tag, entry: offset, data, u32: u32) {
                self = .undetermined
                return
            }
            offset += 12
        }
        self = .value(1)
    }

    /// Whether every byte OpenCV could read for this entry's value lies inside the data.
    private static func readsInBounds(tag: Int, entry: Int, _ data: ByteReader, u32: (Int) -> Int?) -> Bool {
        // A cut-off entry is malformed whatever its tag.
        guard entry + 12 <= data.count else { return false }
        if stringTags.contains(tag) {
            guard let count = u32(entry + 4) else { return false }
            guard count > 4 else { return 8 + count <= data.count }
            guard let start = u32(entry + 8) else { return false }
            return start + count <= data.count
        }
        if let rationals = rationalTags[tag] {
            guard let count = u32(entry + 4), let start = u32(entry + 8) else { return false }
            return start + 8 * max(count, rationals) <= data.count
        }
        return true
    }
}
