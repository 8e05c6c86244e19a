import Foundation
import LivenessCore

/// A DET curve (BPCER against APCER on probit axes, as is usual in biometrics), drawn once as lines and
/// labels and rendered both as SVG and, through OpenCV, as PNG.
public struct DETPlot: Sendable {
    /// One line or label, in pixels of a `size` x `size` canvas.
    enum Mark: Sendable {
        case line(x1: Double, y1: Double, x2: Double, y2: Double, rgb: UInt32, width: Int)
        case text(x: Double, y: Double, String, rgb: UInt32)
    }

    static let size = 560.0
    static let margin = 70.0
    /// Axis range: 0.1 % to 60 %; rates outside are drawn at the edge.
    static let range = (low: 0.001, high: 0.6)
    static let ticks = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.4]
    static let colours: [UInt32] = [0x1F77B4, 0xD62728, 0x2CA02C, 0x9467BD, 0xFF7F0E]

    let marks: [Mark]

    /// One curve per sweep (the combination first), with a legend.
    public init(curves: [(name: String, points: [ThresholdSweep.Point])]) {
        var marks: [Mark] = []
        let (low, high) = (Self.margin, Self.size - 20)
        let grey: UInt32 = 0xCCCCCC
        for tick in Self.ticks {
            let position = Self.scale(tick)
            marks.append(.line(x1: position, y1: Self.flip(low), x2: position, y2: Self.flip(high), rgb: grey, width: 1))
            marks.append(.line(x1: low, y1: Self.flip(position), x2: high, y2: Self.flip(position), rgb: grey, width: 1))
            let label = tick < 0.01 ? String(format: "%.1f", tick * 100) : String(format: "%.0f", tick * 100)
            marks.append(.text(x: position - 8, y: Self.flip(low) + 18, label, rgb: 0x333333))
            marks.append(.text(x: low - 34, y: Self.flip(position) + 4, label, rgb: 0x333333))
        }
        marks.append(.text(x: Self.size / 2 - 40, y: Self.size - 12, "APCER (%)", rgb: 0x000000))
        marks.append(.text(x: 6, y: 16, "BPCER (%)", rgb: 0x000000))
        for (index, curve) in curves.enumerated() {
            let rgb = Self.colours[index % Self.colours.count]
            let points = curve.points.map { (Self.scale($0.apcer), Self.flip(Self.scale($0.bpcer))) }
            for (from, to) in zip(points, points.dropFirst()) {
                marks.append(.line(x1: from.0, y1: from.1, x2: to.0, y2: to.1, rgb: rgb, width: index == 0 ? 2 : 1))
            }
            let legendY = 40.0 + Double(index) * 18
            marks.append(.line(x1: Self.size - 230, y1: legendY - 4, x2: Self.size - 205, y2: legendY - 4, rgb: rgb, width: 2))
            marks.append(.text(x: Self.size - 200, y: legendY, String(curve.name.prefix(30)), rgb: 0x000000))
        }
        self.marks = marks
    }

    /// A rate's position on the probit axis, in pixels from the left (or the bottom).
    static func scale(_ rate: Double) -> Double {
        let clamped = min(max(rate, range.low), range.high)
        let span = Probit.of(range.high) - Probit.of(range.low)
        return margin + (Probit.of(clamped) - Probit.of(range.low)) / span * (size - 20 - margin)
    }

    static func flip(_ y: Double) -> Double { size - y }

    /// The plot as an SVG document.
    public func svg() -> String {
        var out = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(Self.size))\" height=\"\(Int(Self.size))\" font-family=\"sans-serif\" font-size=\"12\">",
            "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
        ]
        for mark in marks {
            switch mark {
            case .line(let x1, let y1, let x2, let y2, let rgb, let width):
                out.append(
                    String(
                        format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#%06X\" stroke-width=\"%d\"/>",
                        x1, y1, x2, y2, rgb, width))
            case .text(let x, let y, let text, let rgb):
                let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                out.append(String(format: "<text x=\"%.1f\" y=\"%.1f\" fill=\"#%06X\">", x, y, rgb) + escaped + "</text>")
            }
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    /// The plot as PNG bytes, drawn by OpenCV.
    public func png() throws(LivenessError) -> [UInt8] {
        let canvas = try DecodedImage.uniform(width: Int(Self.size), height: Int(Self.size), grey: 255)
        for mark in marks {
            switch mark {
            case .line(let x1, let y1, let x2, let y2, let rgb, let width): try canvas.drawLine(x1, y1, x2, y2, rgb: rgb, width: width)
            case .text(let x, let y, let text, let rgb): try canvas.drawText(text, x: x, y: y, scale: 0.4, rgb: rgb)
            }
        }
        return try canvas.encoded(as: "png")
    }
}
