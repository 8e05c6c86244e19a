import Foundation

/// Aligns a face onto dlib's 150-pixel face-chip template from five Face Mesh points.
///
/// Face Mesh points 263, 362, 33, 133 and 2 stand in for dlib's five-point shape predictor (outer and
/// inner corner of the face's left eye, the same of its right eye, below the nose), in dlib's order.
/// A least-squares similarity transform maps dlib's template (`get_face_chip_details`, padding 0.25)
/// onto them, as dlib does.
public enum FaceAlignment {
    /// Face Mesh indices, in dlib's five-point order.
    public static let meshIndices = [263, 362, 33, 133, 2]
    /// The chip side dlib's face-recognition network takes.
    public static let chipSize = 150
    /// dlib's chip padding for face recognition.
    static let padding = 0.25
    /// dlib's five-point template on the unit square (`get_face_chip_details`).
    static let template: [Point] = [
        Point(x: 0.8595674595992, y: 0.2134981538014), Point(x: 0.6460604764104, y: 0.2289674387677),
        Point(x: 0.1205750620789, y: 0.2137274526848), Point(x: 0.3340850613712, y: 0.2290642403242),
        Point(x: 0.4901123135679, y: 0.6277975316475),
    ]

    /// The template in chip pixels.
    static var chipPoints: [Point] {
        template.map { point in
            Point(
                x: (padding + point.x) / (2 * padding + 1) * Double(chipSize),
                y: (padding + point.y) / (2 * padding + 1) * Double(chipSize))
        }
    }

    /// The five alignment points of a 468-point Face Mesh.
    public static func points(fromMesh mesh: [Point]) -> [Point] { meshIndices.map { mesh[$0] } }

    /// The 2x3 map (row-major) from chip pixels to image pixels that best takes the template onto
    /// `points` (five, in dlib's order): rotation, uniform scale and translation, least squares.
    /// Nil when the points are degenerate (all in one place).
    public static func chipToImage(_ points: [Point]) -> [Double]? {
        let source = chipPoints
        guard points.count == source.count else { return nil }
        let count = Double(points.count)
        let sourceMean = Point(x: source.map(\.x).reduce(0, +) / count, y: source.map(\.y).reduce(0, +) / count)
        let targetMean = Point(x: points.map(\.x).reduce(0, +) / count, y: points.map(\.y).reduce(0, +) / count)
        var (dot, cross, norm) = (0.0, 0.0, 0.0)
        for (s, t) in zip(source, points) {
            let (sx, sy) = (s.x - sourceMean.x, s.y - sourceMean.y)
            let (tx, ty) = (t.x - targetMean.x, t.y - targetMean.y)
            dot += sx * tx + sy * ty
            cross += sx * ty - sy * tx
            norm += sx * sx + sy * sy
        }
        let (a, b) = (dot / norm, cross / norm)
        guard a.isFinite, b.isFinite, a * a + b * b > 1e-12 else { return nil }
        return [
            a, -b, targetMean.x - (a * sourceMean.x - b * sourceMean.y),
            b, a, targetMean.y - (b * sourceMean.x + a * sourceMean.y),
        ]
    }
}
