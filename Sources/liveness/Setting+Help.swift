import ArgumentParser
import LivenessServer

extension Setting {
    /// `--help`'s line: the help, then the variable, the default and the values it takes.
    var argumentHelp: ArgumentHelp {
        ArgumentHelp("\(help) (\(variable); default \(shownDefault ?? "unset"); \(kind.shownRange))", valueName: "value")
    }

    /// `liveness serve --help`'s list of every setting: flag (or "environment only" for secrets), variable,
    /// default and values, then the help.
    static var serveHelp: String {
        SettingGroup.allCases.map { group in
            let rows = all.filter { $0.group == group }.map { setting in
                let flag = setting.flag.map { "--\($0)" } ?? "(secret: environment only)"
                return "  \(flag)  \(setting.variable); default \(setting.shownDefault ?? "unset"); \(setting.kind.shownRange)\n      \(setting.help)"
            }
            return "\(group.rawValue):\n" + rows.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}
