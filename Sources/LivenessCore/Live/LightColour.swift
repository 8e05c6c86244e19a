/// A colour of the light code: saturated screen colours whose reflections are told apart by their hue.
public enum LightColour: String, CaseIterable, Hashable, Sendable {
    case red, green, blue, yellow, magenta, cyan

    /// 0xRRGGBB.
    public var hex: UInt32 {
        switch self {
        case .red: 0xFF0000
        case .green: 0x00FF00
        case .blue: 0x0000FF
        case .yellow: 0xFFFF00
        case .magenta: 0xFF00FF
        case .cyan: 0x00FFFF
        }
    }

    /// `#rrggbb`, as the client shows it.
    public var css: String {
        let digits = String(hex, radix: 16)
        return "#" + String(repeating: "0", count: 6 - digits.count) + digits
    }

    public var rgb: RGB { RGB(hex: hex) }
}
