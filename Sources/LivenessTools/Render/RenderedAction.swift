import LivenessCore

/// One action in a rendered clip: what, when it starts, and how far it goes.
public struct RenderedAction: Hashable, Sendable {
    public var action: FaceAction
    /// Seconds from the start of the clip at which the movement begins.
    public var start: Double
    /// Degrees for turns and nods, the opening (over the mouth's width) for the mouth, the lids' travel (0–1)
    /// for a blink.
    public var amount: Double

    /// Seconds the action is held at its full amount (nil: 0.35, a blink 0.1).
    public var hold: Double?

    public init(action: FaceAction, start: Double, amount: Double, hold: Double? = nil) {
        self.action = action
        self.start = start
        self.amount = amount
        self.hold = hold
    }

    /// Seconds from the start to the end of the movement: the ramps and the hold.
    public var duration: Double {
        let (rise, held) = shape
        return 2 * rise + held
    }

    private var shape: (rise: Double, hold: Double) {
        action == .blink ? (0.1, hold ?? 0.1) : (0.35, hold ?? 0.35)
    }

    /// How far the action is at `time`, 0–1: a ramp up, a hold and a ramp down (a quick close and open for a
    /// blink).
    func envelope(at time: Double) -> Double {
        let (rise, hold) = shape
        let t = time - start
        guard t > 0, t < 2 * rise + hold else { return 0 }
        let ramp = t < rise ? t / rise : t < rise + hold ? 1 : (2 * rise + hold - t) / rise
        return ramp * ramp * (3 - 2 * ramp)
    }
}
