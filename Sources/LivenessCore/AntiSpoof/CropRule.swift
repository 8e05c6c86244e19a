/// Which part of the image a classifier sees around the face box.
public enum CropRule: Hashable, Sendable {
    /// SFAS's rule: `scale` times the box, centred, shifted inside the image (``CropWindow/init(box:imageWidth:imageHeight:scale:)``).
    case sfasScale(Double)
    /// A square of `factor` × the box's longer side, centred on the box; what lies outside the image is
    /// filled with `border` (``CropWindow/init(squareAround:factor:)``).
    case square(factor: Double, border: BorderMode)
    /// The whole image (SFAS's `org_` models).
    case whole

    /// How the parts of a crop outside the image are filled.
    public enum BorderMode: String, Hashable, Sendable, CaseIterable {
        case reflect101 = "reflect_101"
        case replicate
        case constant
    }
}
