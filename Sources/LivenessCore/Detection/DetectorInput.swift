/// The size the face detector sees, by upstream's rule.
public enum DetectorInput {
    /// Images of at least 192x192 pixels' area are resized to
    /// `(int(192*sqrt(ar)), int(192/sqrt(ar)))` with `ar = W/H`; smaller ones keep their size.
    public static func size(width: Int, height: Int) -> (width: Int, height: Int) {
        guard width * height >= 192 * 192 else { return (width, height) }
        let root = (Double(width) / Double(height)).squareRoot()
        return (max(1, Int(192 * root)), max(1, Int(192 / root)))
    }

    /// The input of the small-face recovery pass: the same rule at 576 (three times the reference side,
    /// nine times its area), never larger than the image itself. Nil when that is no larger than the
    /// reference input, so a second pass could see nothing new.
    public static func recovery(width: Int, height: Int) -> (width: Int, height: Int)? {
        let reference = size(width: width, height: height)
        let root = (Double(width) / Double(height)).squareRoot()
        var input = (width: Int(576 * root), height: Int(576 / root))
        if input.width > width || input.height > height { input = (width, height) }
        guard input.width > reference.width, input.height > reference.height else { return nil }
        return input
    }
}
