import Foundation
import LivenessCore

/// Decodes the `image` field: base64, optionally with a `data:image/...;base64,` prefix.
///
/// Line breaks and spaces are ignored (some clients wrap at 76 columns), the URL-safe alphabet
/// is accepted, and missing `=` padding is tolerated. Anything else is `invalid_base64`: padding
/// anywhere but at the end, more than two `=`, a `data:` URL of another type than `image/*`.
enum Base64Image {
    static func decode(_ text: String) throws(APIError) -> [UInt8] {
        var bytes = try payload(of: text)
        guard !bytes.isEmpty else { throw .invalidRequest("the image is empty") }
        var padding = 0
        while padding < 2, bytes.last == UInt8(ascii: "=") {
            bytes.removeLast()
            padding += 1
        }
        let misplaced = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, Int32(UInt8(ascii: "=")), buffer.count) != nil } ?? false
        }
        guard !misplaced, padding == 0 || (bytes.count + padding) % 4 == 0 else {
            throw APIError.invalidBase64("the image is not valid base64 (misplaced = padding)")
        }
        switch bytes.count % 4 {
        case 2: bytes += [UInt8(ascii: "="), UInt8(ascii: "=")]
        case 3: bytes.append(UInt8(ascii: "="))
        case 1: throw APIError.invalidBase64("the image is not valid base64 (bad length)")
        default: break
        }
        guard let data = Data(base64Encoded: Data(bytes)) else {
            throw APIError.invalidBase64("the image is not valid base64")
        }
        guard !data.isEmpty else { throw APIError.invalidBase64("the image is not valid base64 (no data)") }
        return [UInt8](data)
    }

    /// The base64 characters: the `data:` URL prefix removed (its scheme in any case, its type `image/*`),
    /// whitespace dropped, the URL-safe alphabet mapped to the standard one.
    private static func payload(of text: String) throws(APIError) -> [UInt8] {
        var payload = Substring(text)
        if payload.prefix(5).lowercased() == "data:" {
            guard let comma = payload.firstIndex(of: ",") else {
                throw APIError.invalidBase64("a data: URL must be of the form data:image/...;base64,<data>")
            }
            let header = payload[payload.index(payload.startIndex, offsetBy: 5)..<comma].lowercased()
            guard header.hasPrefix("image/"), header.hasSuffix(";base64") else {
                throw APIError.invalidBase64("a data: URL must be of the form data:image/...;base64,<data>")
            }
            payload = payload[payload.index(after: comma)...]
        }
        // Over raw buffers: megabytes of base64 must not hold a cooperative thread long, even in debug builds.
        let source = Array(payload.utf8)
        return [UInt8](unsafeUninitializedCapacity: source.count) { out, written in
            source.withUnsafeBufferPointer { input in
                var count = 0
                for byte in input {
                    switch byte {
                    case 0x20, 0x0A, 0x0D, 0x09: continue
                    case 0x2D: out[count] = 0x2B  // - → +
                    case 0x5F: out[count] = 0x2F  // _ → /
                    default: out[count] = byte
                    }
                    count += 1
                }
                written = count
            }
        }
    }
}
