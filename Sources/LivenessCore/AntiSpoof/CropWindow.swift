/// The inclusive pixel window a classifier sees: by SFAS's `_get_new_box` rule, or a square that may
/// extend past the image (``CropRule``).
public struct CropWindow: Hashable, Sendable, Codable {
    public var x1: Int
    public var y1: Int
    public var x2: Int
    public var y2: Int
    /// The scale actually used after limiting it to the image (SFAS), or the square's factor.
    public var effectiveScale: Double

    public init(x1: Int, y1: Int, x2: Int, y2: Int, effectiveScale: Double) {
        self.x1 = x1
        self.y1 = y1
        self.x2 = x2
        self.y2 = y2
        self.effectiveScale = effectiveScale
    }

    /// The window of `scale` times the face box, centred on it, limited to the image, and
    /// clamped by shifting (left, top, right, bottom in that order), never by shrinking.
    public init(box: FaceBox, imageWidth: Int, imageHeight: Int, scale requested: Double) {
        let boxWidth = Double(box.width)
        let boxHeight = Double(box.height)
        let maxX = Double(imageWidth - 1)
        let maxY = Double(imageHeight - 1)
        let scale = min(maxY / boxHeight, min(maxX / boxWidth, requested))
        let newWidth = boxWidth * scale
        let newHeight = boxHeight * scale
        let centreX = boxWidth / 2 + Double(box.x)
        let centreY = boxHeight / 2 + Double(box.y)
        var left = centreX - newWidth / 2
        var top = centreY - newHeight / 2
        var right = centreX + newWidth / 2
        var bottom = centreY + newHeight / 2
        if left < 0 {
            right -= left
            left = 0
        }
        if top < 0 {
            bottom -= top
            top = 0
        }
        if right > maxX {
            left -= right - maxX
            right = maxX
        }
        if bottom > maxY {
            top -= bottom - maxY
            bottom = maxY
        }
        self.init(x1: Int(left), y1: Int(top), x2: Int(right), y2: Int(bottom), effectiveScale: scale)
    }

    /// A square of `factor` × the box's longer side centred on the box, in whole pixels as facenox's
    /// `crop` computes it (Python's `int`, which truncates toward zero). It may extend past the image.
    public init(squareAround box: FaceBox, factor: Double) {
        let side = Double(max(box.width, box.height)) * factor
        let left = Int(Double(box.x) + Double(box.width) / 2 - side / 2)
        let top = Int(Double(box.y) + Double(box.height) / 2 - side / 2)
        let size = max(Int(side), 1)
        self.init(x1: left, y1: top, x2: left + size - 1, y2: top + size - 1, effectiveScale: factor)
    }

    /// The whole image, for models without a crop scale.
    public static func whole(imageWidth: Int, imageHeight: Int) -> CropWindow {
        CropWindow(x1: 0, y1: 0, x2: imageWidth - 1, y2: imageHeight - 1, effectiveScale: 0)
    }

    /// The same window forced inside the image, so a bad box can never index outside it.
    func clamped(imageWidth: Int, imageHeight: Int) -> CropWindow {
        let x1 = min(max(self.x1, 0), imageWidth - 1)
        let y1 = min(max(self.y1, 0), imageHeight - 1)
        return CropWindow(
            x1: x1, y1: y1, x2: min(max(x2, x1), imageWidth - 1), y2: min(max(y2, y1), imageHeight - 1),
            effectiveScale: effectiveScale)
    }
}
