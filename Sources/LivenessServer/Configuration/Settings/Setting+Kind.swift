extension Setting.Kind {
    /// The values the docs and `--help` say it takes, e.g. `0–1`, `true/false`, `adaptive, always`.
    public var shownRange: String {
        switch self {
        case .number(let range): "\(Self.shown(range.lowerBound))–\(Self.shown(range.upperBound))"
        case .integer(let range): "\(range.lowerBound)–\(range.upperBound)"
        case .flag: "true/false"
        case .text: "text"
        case .list: "comma-separated"
        case .choice(let words): words.joined(separator: ", ")
        case .limit(let range): "\(range.lowerBound)–\(range.upperBound); unset: off"
        }
    }

    /// A number as the docs write it: whole numbers without a decimal point.
    static func shown(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
