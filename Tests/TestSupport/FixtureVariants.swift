import LivenessCore

/// Synthetic variants of the fixture photos (decoded by the service's own decoder, EXIF applied), as PNG:
/// shrunk onto a large canvas, re-exposed, blurred, cropped.
public enum FixtureVariants {
    /// BGR pixels of a fixture and its size.
    public struct Pixels {
        public var bgr: [UInt8]
        public var width: Int
        public var height: Int

        public func png() throws -> [UInt8] {
            try DecodedImage.decode(BMPWriter.encode(bgr: bgr, width: width, height: height)).encoded(as: "png")
        }
    }

    public static func pixels(_ fixture: String) throws -> Pixels {
        let image = try DecodedImage.decode(try Fixtures.bytes(Fixtures.image(fixture)))
        return Pixels(bgr: try image.pixels(), width: image.width, height: image.height)
    }

    /// `fixture` shrunk `factor` times (box average) onto a `width` x `height` canvas of grey 120, a
    /// third of the free width from the left, centred vertically: a selfie taken from too far away.
    public static func shrunk(_ fixture: String, factor: Int, width: Int = 1920, height: Int = 1080) throws -> [UInt8] {
        let source = try pixels(fixture)
        let smallWidth = source.width / factor
        let smallHeight = source.height / factor
        var canvas = Pixels(bgr: [UInt8](repeating: 120, count: width * height * 3), width: width, height: height)
        let left = (width - smallWidth) / 3
        let top = (height - smallHeight) / 2
        for y in 0..<smallHeight {
            for x in 0..<smallWidth {
                for channel in 0..<3 {
                    var sum = 0
                    for dy in 0..<factor {
                        for dx in 0..<factor {
                            sum += Int(source.bgr[((y * factor + dy) * source.width + x * factor + dx) * 3 + channel])
                        }
                    }
                    canvas.bgr[((top + y) * width + left + x) * 3 + channel] = UInt8(sum / (factor * factor))
                }
            }
        }
        return try canvas.png()
    }

    /// Every channel value v becomes min(255, v * gain + offset): darkened below 1, overexposed above.
    public static func exposed(_ fixture: String, gain: Double, offset: Double = 0) throws -> [UInt8] {
        var image = try pixels(fixture)
        image.bgr = image.bgr.map { UInt8(min(255, max(0, (Double($0) * gain + offset).rounded()))) }
        return try image.png()
    }

    /// A box blur of `radius` (two passes, rows then columns, edges clamped): out of focus.
    public static func blurred(_ fixture: String, radius: Int) throws -> [UInt8] {
        var image = try pixels(fixture)
        for horizontal in [true, false] {
            let lines = horizontal ? image.height : image.width
            let length = horizontal ? image.width : image.height
            var result = image.bgr
            for line in 0..<lines {
                let index = { (position: Int, channel: Int) -> Int in
                    let p = min(max(position, 0), length - 1)
                    return (horizontal ? line * image.width + p : p * image.width + line) * 3 + channel
                }
                for channel in 0..<3 {
                    var sum = (-radius...radius).reduce(0) { $0 + Int(image.bgr[index($1, channel)]) }
                    for position in 0..<length {
                        result[index(position, channel)] = UInt8(sum / (2 * radius + 1))
                        sum += Int(image.bgr[index(position + radius + 1, channel)]) - Int(image.bgr[index(position - radius, channel)])
                    }
                }
            }
            image.bgr = result
        }
        return try image.png()
    }

    /// The fixture without its first `top` rows: the face touches the top edge.
    public static func cropped(_ fixture: String, top: Int) throws -> [UInt8] {
        let image = try pixels(fixture)
        return try Pixels(bgr: Array(image.bgr[(top * image.width * 3)...]), width: image.width, height: image.height - top).png()
    }
}
