/// The judge of one live session: frames go in as they arrive, small events come out, and the actions are
/// revealed one at a time.
///
/// The session first collects a neutral start (a still, well-framed face), which the head pose, the mouth and
/// the eyes are measured against. Then it draws the first action and sends its cue; only when that action
/// has been seen to complete, the face is back to neutral and a random pause has passed, does it draw and
/// send the next one. Each
/// action must begin inside the reaction window after its cue (``LivePolicy/reactionMin`` to
/// ``LivePolicy/reactionMax``) and complete within ``LivePolicy/completeWithin``; doing another movement
/// instead fails with `wrong_order`. Every frame must keep real time (``RealTimeCheck``) and the face must
/// move continuously (the action challenge's splice guard). ``LivePolicy/movements`` movements (none twice in
/// a row) and one blink, at a place drawn like the rest, make a session.
///
/// The draws come from `Generator` (the system's secure generator in the service; a seeded one in tests). Times
/// are seconds on the server's monotonic clock; the caller passes them, which keeps the judge deterministic.
public struct LiveSession<Generator: RandomNumberGenerator & Sendable>: Sendable {
    public let policy: LivePolicy
    /// Whether the session shows a light code after its neutral start (``LightPolicy``, `LIGHT_CHALLENGE`).
    public let lightEnabled: Bool
    /// The verdict, once there is one.
    public internal(set) var outcome: LiveOutcome?
    /// How the light check went (nil: not run, or not yet).
    public internal(set) var lightStatus: LightStatus?
    /// The light check's verdict, once judged.
    public internal(set) var lightVerdict: LightCheck.Verdict?

    var generator: Generator
    var clock: RealTimeCheck
    let started: Double
    var frames = 0
    var framing: LiveFraming?
    var neutral: [LiveFrame] = []
    var baseline: LiveBaseline?
    var completed: [LiveStepResult] = []
    var step: LiveStepState?
    /// When the next cue is due (between steps, and after the neutral start).
    var nextCueAt: Double?
    var track: [(time: Double, centre: Point, size: Double)] = []
    var lightRun: LightRun?

    /// Whether a cued action is being answered (from its cue until the face is back to neutral after it), or the
    /// light code is showing: frames whose face is not at rest.
    public var answering: Bool { step != nil || lightRun != nil }

    /// Whether frames should carry their colour samples (``LiveFrame/colour``): the light code is to come or running.
    public var wantsColour: Bool { lightEnabled && lightStatus == nil && outcome == nil && (baseline == nil || lightRun != nil) }

    /// A session that starts at `now`; with `light`, a light code follows the neutral start.
    public init(policy: LivePolicy = LivePolicy(), generator: Generator, now: Double, light: Bool = false) {
        self.policy = policy
        self.lightEnabled = light
        self.generator = generator
        self.clock = RealTimeCheck(policy: policy)
        self.started = now
    }

    /// Judges one frame; the events to send back, in order. `now` is when it is judged (default: when it arrived),
    /// later than its arrival when frames wait for a busy server: a cue sent now is timed from now, while the
    /// client's actions are timed by their frames' arrivals.
    public mutating func receive(_ frame: LiveFrame, now: Double? = nil) -> [LiveEvent] {
        guard outcome == nil else { return [] }
        frames += 1
        let judged = max(now ?? frame.arrivalTime, frame.arrivalTime)
        if let expired = deadline(now: frame.arrivalTime) { return [expired] }
        guard clock.admit(capture: frame.captureTime, arrival: frame.arrivalTime) else { return [finish(.notRealTime)] }
        var events: [LiveEvent] = []
        let framing = LiveFraming(frame, policy: policy)
        if framing != self.framing {
            self.framing = framing
            events.append(.framing(framing))
        }
        if !continuous(frame) { return events + [finish(.discontinuousVideo)] }
        if baseline == nil {
            events += collectNeutral(frame, framing: framing)
        } else if lightRun != nil {
            events += lightFrame(frame, judged: judged)
        } else {
            events += judge(frame, judged: judged)
        }
        return events
    }

    /// Checks the session's clock at `now` without a frame (the server calls it on a timer): a session that is too
    /// long ends; a cue that is due goes out. A late reaction is judged on the frames' arrivals, when they are
    /// judged (a server that falls behind never fails a client for it); a client that stops sending is the
    /// server's idle limit's.
    public mutating func tick(now: Double) -> [LiveEvent] {
        guard outcome == nil else { return [] }
        if now - started > policy.maxSessionSeconds { return [finish(.reactionTooSlow)] }
        if lightRun != nil { return lightClock(now: now) }
        guard step == nil, let due = nextCueAt, now >= due else { return [] }
        nextCueAt = nil
        return [cueNext(now: now)]
    }

    /// Ends the session as failed for `reason` (also used by the server: an idle client, a closed socket).
    public mutating func fail(_ reason: Reason) -> LiveEvent {
        if let outcome { return .finished(outcome) }
        return finish(reason)
    }

    mutating func finish(_ reason: Reason?) -> LiveEvent {
        var outcome = LiveOutcome(reasons: reason.map { [$0] } ?? [], steps: completed, frames: frames)
        outcome.lightChecked = lightStatus == .passed
        self.outcome = outcome
        return .finished(outcome)
    }

    /// The event that ends the session when a deadline has passed at `now` (a frame's arrival).
    mutating func deadline(now: Double) -> LiveEvent? {
        if now - started > policy.maxSessionSeconds { return finish(.reactionTooSlow) }
        guard let step else { return nil }
        if let done = step.completedAt {
            return now - done > policy.releaseWithin ? finish(.reactionTooSlow) : nil
        }
        if step.onset == nil && now - step.cueTime > policy.reactionMax { return finish(.reactionTooSlow) }
        if now - step.cueTime > policy.completeWithin { return finish(.reactionTooSlow) }
        return nil
    }

    /// The splice guard over the frames of the last ``ActionPolicy/continuityWindow`` seconds.
    mutating func continuous(_ frame: LiveFrame) -> Bool {
        let observation = frame.observation
        guard observation.faceSize > 0 else { return true }
        track.append((frame.captureTime, observation.faceCentre, observation.faceSize))
        let since = frame.captureTime - policy.actions.continuityWindow
        track.removeAll { $0.time < since }
        return ActionVerifier(policy: policy.actions).continuous(track.map { ($0.centre, $0.size) }, times: track.map(\.time))
    }
}
