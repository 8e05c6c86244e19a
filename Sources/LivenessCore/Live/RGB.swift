/// A colour as red, green and blue levels (0–255 for a pixel mean), with its chromaticity.
public struct RGB: Hashable, Sendable {
    public var red: Double
    public var green: Double
    public var blue: Double

    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// The colour 0xRRGGBB.
    public init(hex: UInt32) {
        self.init(red: Double((hex >> 16) & 0xFF), green: Double((hex >> 8) & 0xFF), blue: Double(hex & 0xFF))
    }

    /// BT.601 luma.
    public var luma: Double { 0.299 * red + 0.587 * green + 0.114 * blue }

    /// The chromaticity: each level over their sum (grey for black), so brightness drops out and only the hue of
    /// the light remains.
    public var chroma: RGB {
        let sum = red + green + blue
        guard sum > 0 else { return RGB(red: 1.0 / 3, green: 1.0 / 3, blue: 1.0 / 3) }
        return RGB(red: red / sum, green: green / sum, blue: blue / sum)
    }

    public static func + (a: RGB, b: RGB) -> RGB { RGB(red: a.red + b.red, green: a.green + b.green, blue: a.blue + b.blue) }
    public static func - (a: RGB, b: RGB) -> RGB { RGB(red: a.red - b.red, green: a.green - b.green, blue: a.blue - b.blue) }
    public static func * (a: RGB, k: Double) -> RGB { RGB(red: a.red * k, green: a.green * k, blue: a.blue * k) }

    func dot(_ other: RGB) -> Double { red * other.red + green * other.green + blue * other.blue }
    var length: Double { dot(self).squareRoot() }

    /// The element-wise median of `colours` (nil for none).
    static func median(_ colours: [RGB]) -> RGB? {
        guard !colours.isEmpty else { return nil }
        func middle(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        return RGB(red: middle(colours.map(\.red)), green: middle(colours.map(\.green)), blue: middle(colours.map(\.blue)))
    }

    /// The mean of `colours` (nil for none).
    static func mean(_ colours: [RGB]) -> RGB? {
        guard !colours.isEmpty else { return nil }
        return colours.reduce(RGB(red: 0, green: 0, blue: 0), +) * (1 / Double(colours.count))
    }
}
