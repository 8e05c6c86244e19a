import Foundation
import LivenessCore

/// Decodes the `image` field: base64, optionally with a `data:image/...;base64,` prefix.
///
/// Line breaks and spaces are ignored (some clients wrap at 76 columns), the URL-safe alphabet
/// is accepted, and missing `=` padding is tolerated. Anything else is `invalid_base64`: padding
/// anywhere but at the end, more than two `=`, a `data:` URL of another type than `image/*`.
///
/// One pass counts and checks the characters and one decodes them, over the request's own UTF-8
/// storage: megabytes of base64 must not hold a cooperative thread long or be copied three times.
enum Base64Image {
    static func decode(_ text: String) throws(APIError) -> [UInt8] {
        let payload = try payload(of: text)
        if let decoded = payload.utf8.withContiguousStorageIfAvailable(decode(characters:)) {
            return try decoded.get()
        }
        return try Array(payload.utf8).withUnsafeBufferPointer(decode(characters:)).get()
    }

    /// The base64 characters: the `data:` URL prefix removed (its scheme in any case, its type `image/*`).
    private static func payload(of text: String) throws(APIError) -> Substring {
        let payload = Substring(text)
        guard payload.prefix(5).lowercased() == "data:" else { return payload }
        guard let comma = payload.firstIndex(of: ",") else {
            throw APIError.invalidBase64("a data: URL must be of the form data:image/...;base64,<data>")
        }
        let header = payload[payload.index(payload.startIndex, offsetBy: 5)..<comma].lowercased()
        guard header.hasPrefix("image/"), header.hasSuffix(";base64") else {
            throw APIError.invalidBase64("a data: URL must be of the form data:image/...;base64,<data>")
        }
        return payload[payload.index(after: comma)...]
    }

    private static func decode(characters input: UnsafeBufferPointer<UInt8>) -> Result<[UInt8], APIError> {
        Base64Alphabet.values.withUnsafeBufferPointer { values in
            var sextets = 0
            var padding = 0
            for byte in input {
                switch values[Int(byte)] {
                case Base64Alphabet.space: continue
                case Base64Alphabet.padding: padding += 1
                case Base64Alphabet.invalid: return .failure(.invalidBase64("the image is not valid base64"))
                default:
                    guard padding == 0 else {
                        return .failure(.invalidBase64("the image is not valid base64 (misplaced = padding)"))
                    }
                    sextets += 1
                }
            }
            guard sextets + padding > 0 else { return .failure(.invalidRequest("the image is empty")) }
            guard padding <= 2, padding == 0 || (sextets + padding) % 4 == 0 else {
                return .failure(.invalidBase64("the image is not valid base64 (misplaced = padding)"))
            }
            guard sextets % 4 != 1 else { return .failure(.invalidBase64("the image is not valid base64 (bad length)")) }
            guard sextets > 0 else { return .failure(.invalidBase64("the image is not valid base64 (no data)")) }
            return .success(
                [UInt8](unsafeUninitializedCapacity: sextets * 3 / 4) { out, written in
                    var bits: UInt32 = 0
                    var held = 0
                    var count = 0
                    for byte in input {
                        let value = values[Int(byte)]
                        guard value < 64 else { continue }
                        bits = bits << 6 | UInt32(value)
                        held += 6
                        if held >= 8 {
                            held -= 8
                            out[count] = UInt8(truncatingIfNeeded: bits >> UInt32(held))
                            count += 1
                        }
                    }
                    written = count
                })
        }
    }
}
