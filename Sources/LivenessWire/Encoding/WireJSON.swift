import Foundation
import OpenAPIRuntime

/// How every JSON body is written, by the server (through the generated handlers) and by the CLI's `--json`
/// output alike: keys sorted, slashes unescaped, one line, dates in RFC 3339 (``RFC3339Dates``).
public enum WireJSON {
    /// The generated handlers' configuration.
    public static let runtime = OpenAPIRuntime.Configuration(
        dateTranscoder: RFC3339Dates(), jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes])

    /// A Foundation encoder that writes what ``runtime`` writes.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        var formatting: JSONEncoder.OutputFormatting = []
        let options = runtime.jsonEncodingOptions
        if options.contains(.sortedKeys) { formatting.insert(.sortedKeys) }
        if options.contains(.withoutEscapingSlashes) { formatting.insert(.withoutEscapingSlashes) }
        if options.contains(.prettyPrinted) { formatting.insert(.prettyPrinted) }
        encoder.outputFormatting = formatting
        let dates = runtime.dateTranscoder
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(try dates.encode(date))
        }
        return encoder
    }

    /// A Foundation decoder that reads what ``runtime`` writes (tests, probes).
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        let dates = runtime.dateTranscoder
        decoder.dateDecodingStrategy = .custom { decoder in
            try dates.decode(try decoder.singleValueContainer().decode(String.self))
        }
        return decoder
    }

    /// The body's bytes. The wire types encode nothing that can fail; should one ever fail, the body is the
    /// spec's `internal_error` answer instead of nothing.
    public static func encode(_ value: some Encodable) -> [UInt8] {
        do {
            return [UInt8](try encoder().encode(value))
        } catch {
            return Array(#"{"error":{"code":"internal_error","message":"encoding failed"}}"#.utf8)
        }
    }

    /// The body as one line of text.
    public static func line(_ value: some Encodable) -> String { String(decoding: encode(value), as: UTF8.self) }
}
