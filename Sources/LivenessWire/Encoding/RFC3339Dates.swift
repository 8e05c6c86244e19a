import Foundation
import OpenAPIRuntime

/// Dates on the wire: RFC 3339, read with or without fractional seconds (`2026-11-26T14:00:00Z` and
/// `2026-11-26T14:00:00.123Z` are both valid), written without them.
public struct RFC3339Dates: DateTranscoder {
    private let whole = ISO8601DateTranscoder()
    private let fractional = ISO8601DateTranscoder.iso8601WithFractionalSeconds

    public init() {}

    public func encode(_ date: Date) throws -> String { try whole.encode(date) }

    public func decode(_ text: String) throws -> Date {
        if let date = try? whole.decode(text) { return date }
        return try fractional.decode(text)
    }
}
