/// One counted blink: where in the clip the eyes closed, and the open frames around it.
///
/// Indices are frame indices of the analysed clip (frames without a face are skipped, never used).
public struct BlinkEvent: Hashable, Sendable {
    /// The last open frame before the closure.
    public var openBefore: Int
    /// The closed frames, in order (half-open frames between them are not listed).
    public var closed: [Int]
    /// The first open frame after the closure.
    public var openAfter: Int

    public init(openBefore: Int, closed: [Int], openAfter: Int) {
        self.openBefore = openBefore
        self.closed = closed
        self.openAfter = openAfter
    }

    /// Every frame of the blink: the open frame before, the closed frames, the open frame after.
    public var frames: [Int] { [openBefore] + closed + [openAfter] }
}
