import Foundation

/// The server's JSON encoding: snake_case keys come from the types' CodingKeys, keys are sorted.
enum JSON {
    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { [UInt8]($0) } ?? Array(#"{"error":{"code":"internal_error","message":"encoding failed"}}"#.utf8)
    }
}
