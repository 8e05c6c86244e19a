import Foundation
import Testing

@testable import LivenessServer

@Suite("Base64 image field")
struct Base64ImageTests {
    @Test("Decodes what Foundation encodes: every length, without padding, wrapped, URL-safe, in a data: URL")
    func roundTrips() throws {
        var generator = SystemRandomNumberGenerator()
        for length in Array(1...70) + [4099, 65_537] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let encoded = Data(bytes).base64EncodedString()
            let wrapped = Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn])
            let urlSafe = encoded.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            let unpadded = String(encoded.prefix { $0 != "=" })
            // Line breaks inside groups of four.
            let broken = stride(from: 0, to: encoded.count, by: 7).map { start in
                String(encoded.dropFirst(start).prefix(7))
            }.joined(separator: "\r\n")
            for text in [encoded, wrapped, urlSafe, unpadded, broken, " \(encoded)\n", "data:image/jpeg;base64,\(encoded)"] {
                #expect(try Base64Image.decode(text) == bytes, "length \(length)")
            }
        }
    }

    @Test(
        "Refuses what is not base64 with the precise code",
        arguments: [
            ("%%%%", "invalid_base64"), ("QUJD=", "invalid_base64"), ("QU=JD", "invalid_base64"), ("====", "invalid_base64"),
            ("QQ===", "invalid_base64"), ("Q", "invalid_base64"), ("QUJDR", "invalid_base64"), ("QUJD\u{0}", "invalid_base64"),
            ("QUJDé", "invalid_base64"), ("data:text/plain;base64,QUJD", "invalid_base64"), ("data:image/png,QUJD", "invalid_base64"),
            (" \n\t", "invalid_request"), ("", "invalid_request"),
        ])
    func refusals(text: String, code: String) {
        #expect {
            try Base64Image.decode(text)
        } throws: { error in
            (error as? APIError)?.identifier == code
        }
    }
}
