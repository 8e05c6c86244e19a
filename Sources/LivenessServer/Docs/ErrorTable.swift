import Foundation
import LivenessWire

/// docs/api.md's error table, generated from the spec: the codes of `ErrorResponse.error.code` in the spec's
/// order, each with its status (``APIError/Code/status``) and its `x-when` text, sorted by status.
enum ErrorTable {
    static func markdown() throws -> String {
        let codes = APIError.Code.allCases
        let when = try OpenAPISpec.when(
            at: ["components", "schemas", "ErrorResponse", "properties", "error", "properties", "code"], codes: codes.map(\.rawValue))
        let rows = zip(codes, when).enumerated().sorted { ($0.element.0.status.code, $0.offset) < ($1.element.0.status.code, $1.offset) }
            .map { "| \($0.element.0.status.code) | `\($0.element.0.rawValue)` | \($0.element.1) |" }
        return (["| status | code | when |", "|---|---|---|"] + rows).joined(separator: "\n")
    }
}
