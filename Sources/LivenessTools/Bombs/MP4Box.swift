import LivenessCore
/// An MP4/MOV box as a tree to edit: the bombs are real files with one part changed, so their boxes are
/// parsed, edited, and written back with every size and chunk offset fixed up.
struct MP4Box {
    /// The boxes whose payload is a list of boxes.
    static let containers: Set<String> = ["moov", "trak", "mdia", "minf", "stbl", "edts", "dinf", "udta", "mvex", "moof", "traf"]

    var type: String
    /// The payload of a leaf box.
    var payload: [UInt8]
    /// The children of a container.
    var children: [MP4Box]

    init(_ type: String, payload: [UInt8] = [], children: [MP4Box] = []) {
        self.type = type
        self.payload = payload
        self.children = children
    }

    /// The boxes of `bytes` (32-bit sizes only, as ffmpeg writes short files).
    static func parse(_ bytes: ArraySlice<UInt8>) throws -> [MP4Box] {
        var boxes: [MP4Box] = []
        var offset = bytes.startIndex
        while offset + 8 <= bytes.endIndex {
            let size = Int(read32(bytes, offset))
            guard size >= 8, offset + size <= bytes.endIndex else { throw BombError(message: "an MP4 box overruns its parent") }
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            let body = bytes[offset + 8..<offset + size]
            boxes.append(containers.contains(type) ? MP4Box(type, children: try parse(body)) : MP4Box(type, payload: Array(body)))
            offset += size
        }
        return boxes
    }

    /// The box written out, its size included.
    var bytes: [UInt8] {
        let body = children.isEmpty ? payload : children.flatMap(\.bytes)
        return Self.be32(UInt32(8 + body.count)) + Array(type.utf8) + body
    }

    /// The first box of `type` in this tree, as a path of child indexes.
    func path(to type: String) -> [Int]? {
        for (index, child) in children.enumerated() {
            if child.type == type { return [index] }
            if let rest = child.path(to: type) { return [index] + rest }
        }
        return nil
    }

    /// Edits the box at `path` in place.
    mutating func edit(_ path: [Int], _ change: (inout MP4Box) throws -> Void) rethrows {
        guard let first = path.first else { return try change(&self) }
        try children[first].edit(Array(path.dropFirst()), change)
    }

    static func be32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(value >> (24 - 8 * $0) & 0xFF) } }
    static func read32(_ bytes: ArraySlice<UInt8>, _ offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 << 8 | UInt32(bytes[offset + $1]) }
    }
}

extension [MP4Box] {
    /// The file written out. When the movie box precedes the media data, every chunk offset (`stco`) is moved
    /// by the change in the media data's position, so the edited file still plays.
    func file(original: [UInt8]) throws -> [UInt8] {
        let out = flatMap(\.bytes)
        let old = try Self.mdatOffset(try MP4Box.parse(original[...]))
        let new = try Self.mdatOffset(self)
        guard old != new else { return out }
        var boxes = try MP4Box.parse(out[...])
        for index in boxes.indices where boxes[index].type == "moov" {
            boxes[index].shiftChunks(by: new - old)
        }
        return boxes.flatMap(\.bytes)
    }

    private static func mdatOffset(_ boxes: [MP4Box]) throws -> Int {
        var offset = 0
        for box in boxes {
            if box.type == "mdat" { return offset }
            offset += box.bytes.count
        }
        throw BombError(message: "the clip has no mdat")
    }
}

extension MP4Box {
    mutating func shiftChunks(by delta: Int) {
        if type == "stco" {
            let count = Int(Self.read32(payload[...], 4))
            for entry in 0..<count {
                let at = 8 + 4 * entry
                let value = Int(Self.read32(payload[...], at)) + delta
                payload.replaceSubrange(at..<at + 4, with: Self.be32(UInt32(value)))
            }
        }
        for index in children.indices { children[index].shiftChunks(by: delta) }
    }
}
