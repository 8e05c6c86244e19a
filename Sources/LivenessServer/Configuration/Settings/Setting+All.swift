extension Setting {
    /// Every setting, in the docs' order (by ``SettingGroup``, then as listed).
    public static let all: [Setting] = {
        let rows = passiveSettings + serverSettings + connectionSettings + storageSettings + tokenSettings
        return SettingGroup.allCases.flatMap { group in rows.filter { $0.group == group } }
    }()

    /// The environment variables that hold secrets.
    public static var secretVariables: [String] { all.filter(\.secret).map(\.variable) }
}
