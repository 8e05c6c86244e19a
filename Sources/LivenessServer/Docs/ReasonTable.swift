import LivenessWire

/// docs/api.md's reason table, generated from the spec: the codes of `ReasonCode` in the spec's order, each
/// with its `x-when` text.
enum ReasonTable {
    static func markdown() throws -> String {
        let codes = Components.Schemas.ReasonCode.allCases.map(\.rawValue)
        let when = try OpenAPISpec.when(at: ["components", "schemas", "ReasonCode"], codes: codes)
        return (["| reason | when |", "|---|---|"] + zip(codes, when).map { "| `\($0)` | \($1) |" }).joined(separator: "\n")
    }
}
