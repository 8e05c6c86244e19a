import Foundation
import LivenessWire

extension GeneratedDocs {
    /// docs/api.md's error table, generated from the spec: the codes of `ErrorResponse.error.code` in the spec's
    /// order, each with its status (``APIError/Code/status``) and its `x-when` text, sorted by status.
    static func errorTable() throws -> String {
        let codes = APIError.Code.allCases
        let when = try OpenAPISpec.when(
            at: ["components", "schemas", "ErrorResponse", "properties", "error", "properties", "code"], codes: codes.map(\.rawValue))
        let rows = zip(codes, when).enumerated().sorted { ($0.element.0.status.code, $0.offset) < ($1.element.0.status.code, $1.offset) }
            .map { "| \($0.element.0.status.code) | `\($0.element.0.rawValue)` | \($0.element.1) |" }
        return (["| status | code | when |", "|---|---|---|"] + rows).joined(separator: "\n")
    }

    /// docs/api.md's reason table, generated from the spec: the codes of `ReasonCode` in the spec's order, each
    /// with its `x-when` text.
    static func reasonTable() throws -> String {
        let codes = Components.Schemas.ReasonCode.allCases.map(\.rawValue)
        let when = try OpenAPISpec.when(at: ["components", "schemas", "ReasonCode"], codes: codes)
        return (["| reason | when |", "|---|---|"] + zip(codes, when).map { "| `\($0)` | \($1) |" }).joined(separator: "\n")
    }

    /// `docs/configuration.md`'s tables, generated from ``Setting/all``: one per ``SettingGroup``.
    static func settingsTable() -> String {
        SettingGroup.allCases.map { group in
            var lines = [
                "### \(group.rawValue)", "", "| variable | `serve` flag | default | values | meaning |", "|---|---|---|---|---|",
            ]
            for setting in Setting.all where setting.group == group {
                let flag = setting.flag.map { "`--\($0)`" } ?? "secret: environment only"
                let shown = setting.shownDefault.map { $0.contains(" ") ? $0 : "`\($0)`" } ?? "unset"
                lines.append("| `\(setting.variable)` | \(flag) | \(shown) | \(setting.kind.shownRange) | \(setting.help) |")
            }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}
