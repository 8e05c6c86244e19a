/// `docs/configuration.md`'s tables, generated from ``Setting/all``: one per ``SettingGroup``.
enum SettingsTable {
    static func markdown() -> String {
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
