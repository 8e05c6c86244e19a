/// A live frame's colour sample for the light check: the mean colour of the face's skin (the cheeks and nose,
/// between the eye line and below the nose, from the Face Mesh alignment points) and of the background (the frame's
/// two top corners, each 15 % wide and 20 % high).
public struct LiveColour: Hashable, Sendable {
    public var face: RGB
    public var background: RGB

    public init(face: RGB, background: RGB) {
        self.face = face
        self.background = background
    }

    /// The sample of `image` whose face `observation` found; nil without the five alignment points.
    public static func measure(_ image: DecodedImage, _ observation: FrameObservation) throws(LivenessError) -> LiveColour? {
        let points = observation.alignment
        guard points.count == 5 else { return nil }
        let eyeY = points[0..<4].map(\.y).reduce(0, +) / 4
        let noseY = points[4].y
        let span = noseY - eyeY
        let left = min(points[0].x, points[2].x)
        let right = max(points[0].x, points[2].x)
        let width = right - left
        guard span > 2, width > 4 else { return nil }
        let face = try image.meanColour(
            x: Int(left + 0.1 * width), y: Int(eyeY + 0.35 * span), width: Int(0.8 * width), height: Int(span))
        let cornerWidth = max(1, image.width * 15 / 100)
        let cornerHeight = max(1, image.height * 20 / 100)
        let leftCorner = try image.meanColour(x: 0, y: 0, width: cornerWidth, height: cornerHeight)
        let rightCorner = try image.meanColour(x: image.width - cornerWidth, y: 0, width: cornerWidth, height: cornerHeight)
        return LiveColour(face: face, background: (leftCorner + rightCorner) * 0.5)
    }
}
