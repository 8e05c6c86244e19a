/// The verdict of an action challenge on one clip, before the checks it shares with the blink challenge.
public struct ActionOutcome: Hashable, Sendable {
    /// One result per requested action, in order.
    public var results: [ActionResult]
    /// The movements found, in order of their start, and the blinks.
    public var events: [ActionEvent]
    /// `action_missing`, `wrong_order`, `action_out_of_time`, `discontinuous_video`; empty when every rule holds.
    public var reasons: [Reason]
    /// The per-frame measures.
    public var signals: [ActionSignal]
    /// The clip's fingerprint, to refuse it for another challenge (the server's replay check).
    public var fingerprint: ClipFingerprint?

    public init(results: [ActionResult], events: [ActionEvent], reasons: [Reason], signals: [ActionSignal]) {
        self.results = results
        self.events = events
        self.reasons = reasons
        self.signals = signals
    }
}
