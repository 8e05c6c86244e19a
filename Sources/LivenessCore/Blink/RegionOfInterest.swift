import Foundation

/// A rotated square region of an image, as MediaPipe's landmark models take it.
public struct RegionOfInterest: Hashable, Sendable {
    public var centreX: Double
    public var centreY: Double
    public var side: Double
    /// Radians; the crop's x axis points along this angle in the image.
    public var rotation: Double

    public init(centreX: Double, centreY: Double, side: Double, rotation: Double) {
        self.centreX = centreX
        self.centreY = centreY
        self.side = side
        self.rotation = rotation
    }

    /// The first-pass region for a detector box: 1.5 × its longer side, centred, unrotated.
    public init(box: FaceBox) {
        self.init(
            centreX: Double(box.x) + Double(box.width) / 2, centreY: Double(box.y) + Double(box.height) / 2,
            side: 1.5 * Double(max(box.width, box.height)), rotation: 0)
    }

    /// The region from Face Mesh landmarks: rotated along landmark 33 → 263, 1.5 × the longer side
    /// of the landmarks' bounding box in that rotated frame.
    public init(landmarks: [Point]) {
        let rotation = atan2(landmarks[263].y - landmarks[33].y, landmarks[263].x - landmarks[33].x)
        let (c, s) = (cos(rotation), sin(rotation))
        var (minU, maxU, minV, maxV) = (Double.infinity, -Double.infinity, Double.infinity, -Double.infinity)
        for point in landmarks {
            let u = c * point.x + s * point.y
            let v = -s * point.x + c * point.y
            (minU, maxU, minV, maxV) = (min(minU, u), max(maxU, u), min(minV, v), max(maxV, v))
        }
        let (midU, midV) = ((minU + maxU) / 2, (minV + maxV) / 2)
        self.init(
            centreX: c * midU - s * midV, centreY: s * midU + c * midV, side: 1.5 * max(maxU - minU, maxV - minV),
            rotation: rotation)
    }

    /// An eye region between two corner points: 2.3 × the larger of |dx|, |dy|, rotated along a → b.
    public init(eyeFrom a: Point, to b: Point) {
        self.init(
            centreX: (a.x + b.x) / 2, centreY: (a.y + b.y) / 2, side: 2.3 * max(abs(b.x - a.x), abs(b.y - a.y)),
            rotation: atan2(b.y - a.y, b.x - a.x))
    }

    /// The affine map (2x3, row-major) from pixels of a `size` × `size` crop to image pixels.
    public func transform(cropSize size: Int) -> [Double] {
        let scale = side / Double(size)
        let (c, s) = (cos(rotation) * scale, sin(rotation) * scale)
        let half = Double(size) / 2
        return [c, -s, centreX - c * half + s * half, s, c, centreY - s * half - c * half]
    }

    /// Whether the region is usable (finite, at least a few pixels).
    public var isValid: Bool { [centreX, centreY, side, rotation].allSatisfy(\.isFinite) && side >= 4 && side < 100_000 }
}

/// A 2-D point in pixels.
public struct Point: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    public func distance(to other: Point) -> Double { ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot() }

    /// This crop point mapped through a 2x3 affine transform.
    func applying(_ t: [Double]) -> Point { Point(x: t[0] * x + t[1] * y + t[2], y: t[3] * x + t[4] * y + t[5]) }
}
