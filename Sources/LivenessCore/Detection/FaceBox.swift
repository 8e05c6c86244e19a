/// A face rectangle in decoded-image pixels, as upstream computes it: x, y, width, height.
public struct FaceBox: Hashable, Sendable, Codable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// Converts a detector row's normalised corners into a box, exactly as upstream does:
    /// corners are scaled by the *original* image size in float32, then
    /// `[int(left), int(top), int(right-left+1), int(bottom-top+1)]` with truncation.
    ///
    /// Returns nil when a value is not finite or out of any sensible range.
    public init?(corners: (x1: Float, y1: Float, x2: Float, y2: Float), imageWidth: Int, imageHeight: Int) {
        let width = Float(imageWidth)
        let height = Float(imageHeight)
        let left = corners.x1 * width
        let top = corners.y1 * height
        let right = corners.x2 * width
        let bottom = corners.y2 * height
        let values = [left, top, right - left + 1, bottom - top + 1]
        guard values.allSatisfy({ $0.isFinite && abs($0) < 1e7 }) else { return nil }
        self.init(x: Int(values[0]), y: Int(values[1]), width: Int(values[2]), height: Int(values[3]))
    }
}
