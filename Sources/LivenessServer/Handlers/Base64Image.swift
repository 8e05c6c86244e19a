import Foundation
import LivenessCore

/// Decodes the `image` field: base64, optionally with a `data:image/...;base64,` prefix.
///
/// Line breaks and spaces are ignored (some clients wrap at 76 columns), the URL-safe alphabet
/// is accepted, and missing `=` padding is tolerated. Anything else is `invalid_base64`: padding
/// anywhere but at the end, more than two `=`, a `data:` URL of another type than `image/*`.
///
/// One pass checks and decodes the characters, four at a time where it can, over the request's own UTF-8
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
        var failure: APIError?
        var sextets = 0
        var padding = 0
        let bytes = Base64Alphabet.values.withUnsafeBufferPointer { values in
            [UInt8](unsafeUninitializedCapacity: input.count / 4 * 3 + 3) { out, written in
                var index = 0
                var count = 0
                var pending: UInt32 = 0
                var held = 0
                while index < input.count {
                    // Four characters of the alphabet at once: the whole input, but for line breaks and the end.
                    if held == 0 && padding == 0 && index + 4 <= input.count {
                        let quad = (
                            UInt32(values[Int(input[index])]), UInt32(values[Int(input[index + 1])]),
                            UInt32(values[Int(input[index + 2])]), UInt32(values[Int(input[index + 3])])
                        )
                        if quad.0 | quad.1 | quad.2 | quad.3 < 64 {
                            let word = quad.0 << 18 | quad.1 << 12 | quad.2 << 6 | quad.3
                            out[count] = UInt8(truncatingIfNeeded: word >> 16)
                            out[count + 1] = UInt8(truncatingIfNeeded: word >> 8)
                            out[count + 2] = UInt8(truncatingIfNeeded: word)
                            count += 3
                            sextets += 4
                            index += 4
                            continue
                        }
                    }
                    let value = values[Int(input[index])]
                    index += 1
                    switch value {
                    case Base64Alphabet.space: continue
                    case Base64Alphabet.padding: padding += 1
                    case Base64Alphabet.invalid:
                        failure = .invalidBase64("the image is not valid base64")
                        index = input.count
                    default:
                        guard padding == 0 else {
                            failure = .invalidBase64("the image is not valid base64 (misplaced = padding)")
                            index = input.count
                            continue
                        }
                        pending = pending << 6 | UInt32(value)
                        held += 1
                        sextets += 1
                        if held == 4 {
                            out[count] = UInt8(truncatingIfNeeded: pending >> 16)
                            out[count + 1] = UInt8(truncatingIfNeeded: pending >> 8)
                            out[count + 2] = UInt8(truncatingIfNeeded: pending)
                            count += 3
                            held = 0
                        }
                    }
                }
                // The last group without padding: two characters are one byte, three are two.
                if held == 2 {
                    out[count] = UInt8(truncatingIfNeeded: pending >> 4)
                    count += 1
                } else if held == 3 {
                    out[count] = UInt8(truncatingIfNeeded: pending >> 10)
                    out[count + 1] = UInt8(truncatingIfNeeded: pending >> 2)
                    count += 2
                }
                written = count
            }
        }
        if let failure { return .failure(failure) }
        guard sextets + padding > 0 else { return .failure(.invalidRequest("the image is empty")) }
        guard padding <= 2, padding == 0 || (sextets + padding) % 4 == 0 else {
            return .failure(.invalidBase64("the image is not valid base64 (misplaced = padding)"))
        }
        guard sextets % 4 != 1 else { return .failure(.invalidBase64("the image is not valid base64 (bad length)")) }
        guard sextets > 0 else { return .failure(.invalidBase64("the image is not valid base64 (no data)")) }
        return .success(bytes)
    }
}
