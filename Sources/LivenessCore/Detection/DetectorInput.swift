/// The size the face detector sees, by upstream's rule.
public enum DetectorInput {
    /// Images of at least 192x192 pixels' area are resized to
    /// `(int(192*sqrt(ar)), int(192/sqrt(ar)))` with `ar = W/H`; smaller ones keep their size.
    public static func size(width: Int, height: Int) -> (width: Int, height: Int) {
        guard width * height >= 192 * 192 else { return (width, height) }
        let root = (Double(width) / Double(height)).squareRoot()
        return (max(1, Int(192 * root)), max(1, Int(192 / root)))
    }
}
