import Foundation
import LivenessWire

/// docs/api.md's error table, generated from the spec: the codes of `ErrorResponse.error.code` in the spec's
/// order, each with its status (``APIError/Code/status``) and its `x-when` text, sorted by status.
enum ErrorTable {
    static func markdown() throws -> String {
        let when = try descriptions()
        var rows = ["| status | code | when |", "|---|---|---|"]
        let codes = APIError.Code.allCases.enumerated().sorted {
            ($0.element.status.code, $0.offset) < ($1.element.status.code, $1.offset)
        }
        for (_, code) in codes {
            guard let text = when[code.rawValue] else {
                throw GeneratedDocs.SourceError(description: "openapi.yaml: x-when has no entry for \(code.rawValue)")
            }
            rows.append("| \(code.status.code) | `\(code.rawValue)` | \(text) |")
        }
        let extra = Set(when.keys).subtracting(APIError.Code.allCases.map(\.rawValue))
        guard extra.isEmpty else {
            throw GeneratedDocs.SourceError(description: "openapi.yaml: x-when names codes the enum lacks: \(extra.sorted())")
        }
        return rows.joined(separator: "\n")
    }

    /// `components.schemas.ErrorResponse.properties.error.properties.code.x-when` of the embedded spec.
    private static func descriptions() throws -> [String: String] {
        let document = try JSONSerialization.jsonObject(with: Data(OpenAPISpec.json.utf8)) as? [String: Any]
        let path = ["components", "schemas", "ErrorResponse", "properties", "error", "properties", "code", "x-when"]
        var node: Any? = document
        for key in path { node = (node as? [String: Any])?[key] }
        guard let when = node as? [String: String] else {
            throw GeneratedDocs.SourceError(description: "openapi.yaml: ErrorResponse's code has no x-when table")
        }
        return when
    }
}
