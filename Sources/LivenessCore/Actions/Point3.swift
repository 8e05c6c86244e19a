/// A 3-D Face Mesh point in image pixels: x right, y down, z away from the camera (the same scale as x).
public struct Point3: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var z: Double

    public init(x: Double, y: Double, z: Double) {
        self.x = x
        self.y = y
        self.z = z
    }

    /// The point without its depth.
    public var flat: Point { Point(x: x, y: y) }
}
