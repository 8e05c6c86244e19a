import Foundation

/// A 128-D face descriptor from dlib's face-recognition ResNet. Two faces are the same person when
/// the Euclidean distance between their descriptors is small (dlib: below about 0.6).
///
/// Biometric data: kept only as long as a challenge lives, never logged, audited or returned.
public struct FaceEmbedding: Hashable, Sendable, Codable {
    public static let dimensions = 128
    public var values: [Float]

    public init?(values: [Float]) {
        guard values.count == Self.dimensions, values.allSatisfy(\.isFinite) else { return nil }
        self.values = values
    }

    /// Euclidean distance.
    public func distance(to other: FaceEmbedding) -> Double {
        zip(values, other.values).reduce(0.0) { sum, pair in
            let difference = Double(pair.0) - Double(pair.1)
            return sum + difference * difference
        }.squareRoot()
    }

    /// The element-wise median of `embeddings` (nil when there are none).
    public static func median(_ embeddings: [FaceEmbedding]) -> FaceEmbedding? {
        guard !embeddings.isEmpty else { return nil }
        let values = (0..<dimensions).map { index -> Float in
            let column = embeddings.map { $0.values[index] }.sorted()
            let middle = column.count / 2
            return column.count % 2 == 1 ? column[middle] : (column[middle - 1] + column[middle]) / 2
        }
        return FaceEmbedding(values: values)
    }

    /// The descriptor as base64 of its little-endian float32 values (512 bytes), for storage.
    public var stored: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 4)
        for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
        return Data(bytes).base64EncodedString()
    }

    /// Reads ``stored``; nil for anything else.
    public init?(stored: String) {
        guard let data = Data(base64Encoded: stored), data.count == Self.dimensions * 4 else { return nil }
        let bytes = [UInt8](data)
        let values = (0..<Self.dimensions).map { index -> Float in
            let word = (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[index * 4 + $1]) << (8 * $1) }
            return Float(bitPattern: word)
        }
        self.init(values: values)
    }
}

extension FaceEmbedding: CustomStringConvertible, CustomDebugStringConvertible {
    /// Never the values: a descriptor printed by accident (a log line, a failure message) stays private.
    public var description: String { "FaceEmbedding(\(values.count) values, redacted)" }
    public var debugDescription: String { description }
}
