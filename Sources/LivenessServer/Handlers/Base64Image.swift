import Foundation
import LivenessCore

/// Decodes the `image` field: base64, optionally with a `data:image/...;base64,` prefix.
///
/// Line breaks and spaces are ignored (some clients wrap at 76 columns), the URL-safe alphabet
/// is accepted, and missing `=` padding is tolerated. Anything else is `invalid_base64`: padding
/// anywhere but at the end, more than two `=`, a `data:` URL of another type than `image/*`.
enum Base64Image {
    static func decode(_ text: String) throws(LivenessError) -> [UInt8] {
        var bytes = try payload(of: text)
        guard !bytes.isEmpty else { throw .invalidRequest("the image is empty") }
        var padding = 0
        while padding < 2, bytes.last == UInt8(ascii: "=") {
            bytes.removeLast()
            padding += 1
        }
        guard !bytes.contains(UInt8(ascii: "=")), padding == 0 || (bytes.count + padding) % 4 == 0 else {
            throw LivenessError(.invalidBase64, "the image is not valid base64 (misplaced = padding)")
        }
        switch bytes.count % 4 {
        case 2: bytes += [UInt8(ascii: "="), UInt8(ascii: "=")]
        case 3: bytes.append(UInt8(ascii: "="))
        case 1: throw LivenessError(.invalidBase64, "the image is not valid base64 (bad length)")
        default: break
        }
        guard let data = Data(base64Encoded: Data(bytes)) else {
            throw LivenessError(.invalidBase64, "the image is not valid base64")
        }
        guard !data.isEmpty else { throw LivenessError(.invalidBase64, "the image is not valid base64 (no data)") }
        return [UInt8](data)
    }

    /// The base64 characters: the `data:` URL prefix removed (its scheme in any case, its type `image/*`),
    /// whitespace dropped, the URL-safe alphabet mapped to the standard one.
    private static func payload(of text: String) throws(LivenessError) -> [UInt8] {
        var payload = Substring(text)
        if payload.prefix(5).lowercased() == "data:" {
            guard let comma = payload.firstIndex(of: ",") else {
                throw LivenessError(.invalidBase64, "a data: URL must be of the form data:image/...;base64,<data>")
            }
            let header = payload[payload.index(payload.startIndex, offsetBy: 5)..<comma].lowercased()
            guard header.hasPrefix("image/"), header.hasSuffix(";base64") else {
                throw LivenessError(.invalidBase64, "a data: URL must be of the form data:image/...;base64,<data>")
            }
            payload = payload[payload.index(after: comma)...]
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity(payload.utf8.count)
        for byte in payload.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): continue
            case UInt8(ascii: "-"): bytes.append(UInt8(ascii: "+"))
            case UInt8(ascii: "_"): bytes.append(UInt8(ascii: "/"))
            default: bytes.append(byte)
            }
        }
        return bytes
    }
}
