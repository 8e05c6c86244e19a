extension LiveSession {
    /// Collects the neutral start; when it is complete, measures the baseline and sends the first cue.
    mutating func collectNeutral(_ frame: LiveFrame, framing: LiveFraming) -> [LiveEvent] {
        guard framing == .ok else {
            neutral = []
            return []
        }
        if let last = neutral.last, !still(last.observation, frame.observation) {
            neutral = [frame]
            return [.holdStill]
        }
        neutral.append(frame)
        guard let first = neutral.first, neutral.count >= policy.neutralFrames,
            frame.arrivalTime - first.arrivalTime >= policy.neutralSeconds
        else { return [] }
        guard let baseline = LiveBaseline(neutral, estimator: policy.actions.pose) else {
            neutral = []
            return []
        }
        self.baseline = baseline
        defer { neutral = [] }
        if lightEnabled { return startLight(neutral, now: frame.arrivalTime) }
        schedule(now: frame.arrivalTime)
        return []
    }

    /// Draws the pause before the next cue, from ``LivePolicy/cuePauses``: a clip made beforehand cannot know
    /// when the cue comes, so its next action starts too early or too late for the reaction window.
    mutating func schedule(now: Double) {
        let pauses = policy.cuePauses
        nextCueAt = now + (pauses.isEmpty ? 0 : pauses[Int(generator.next(upperBound: UInt64(pauses.count)))])
    }

    /// Whether the face moved less than ``LivePolicy/stillness`` face sizes from `a` to `b`.
    func still(_ a: FrameObservation, _ b: FrameObservation) -> Bool {
        let size = max(a.faceSize, b.faceSize)
        guard size > 0 else { return false }
        return a.faceCentre.distance(to: b.faceCentre) / size <= policy.stillness
            && abs(a.faceSize - b.faceSize) / size <= policy.stillness
    }

    /// Draws the next action, only now, and starts its step: the blink with probability one over the steps
    /// left while it has not been asked for, else a movement other than the last one.
    mutating func cueNext(now: Double) -> LiveEvent {
        let left = policy.steps - completed.count
        let blinked = completed.contains { $0.action == .blink }
        let action: FaceAction
        if !blinked && (left <= 1 || generator.next(upperBound: UInt64(left)) == 0) {
            action = .blink
        } else {
            let last = completed.last { $0.action.isMovement }?.action
            let allowed = FaceAction.allCases.filter { $0.isMovement && $0 != last }
            action = allowed[Int(generator.next(upperBound: UInt64(allowed.count)))]
        }
        step = LiveStepState(action: action, cueTime: now)
        return .cue(step: completed.count, of: policy.steps, action: action)
    }
}
