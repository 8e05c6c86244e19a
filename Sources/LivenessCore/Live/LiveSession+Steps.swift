extension LiveSession {
    /// Judges a frame against the step being answered; `judged` is when (a cue sent now is timed from it).
    mutating func judge(_ frame: LiveFrame, judged: Double) -> [LiveEvent] {
        guard let baseline else { return [] }
        let signal = baseline.signal(frame, estimator: policy.actions.pose)
        let now = frame.arrivalTime
        guard var step else { return pause(signal, now: judged) }
        // A frame that arrived before its cue left cannot answer it: it can only show an action too early.
        if now < step.cueTime { return anticipated(signal) ? [finish(.reactionTooFast)] : [] }
        if step.completedAt != nil {
            guard released(signal) else { return [] }
            self.step = nil
            schedule(now: now)
            return []
        }
        if otherMovement(signal, than: step.action) != nil { return [finish(.wrongOrder)] }
        let started = step.action == .blink ? blinkStarted(signal, baseline: baseline) : movementStarted(signal, step.action)
        if step.onset == nil && started {
            if now - step.cueTime < policy.reactionMin { return [finish(.reactionTooFast)] }
            step.onset = now
        }
        let complete = step.action == .blink ? blinkComplete(signal, baseline: baseline, step: &step) : held(signal, step: &step)
        self.step = step
        guard complete, let onset = step.onset else { return [] }
        let result = LiveStepResult(action: step.action, reaction: onset - step.cueTime)
        completed.append(result)
        var events: [LiveEvent] = [.stepDone(step: completed.count - 1, action: result.action, reaction: result.reaction)]
        if completed.count == policy.steps {
            events.append(finish(nil))
        } else {
            step.completedAt = now
            self.step = step
        }
        return events
    }

    /// The pause before a cue: a movement at its threshold now was not asked for yet (`reaction_too_fast`: a
    /// client that knew what comes next, or a clip that does not wait for the cue); the cue goes when it is due.
    mutating func pause(_ signal: ActionSignal, now: Double) -> [LiveEvent] {
        guard let due = nextCueAt else { return [] }
        if anticipated(signal) { return [finish(.reactionTooFast)] }
        guard now >= due else { return [] }
        nextCueAt = nil
        return [cueNext(now: now)]
    }

    /// Whether some movement is at its full threshold: an action before its cue.
    func anticipated(_ signal: ActionSignal) -> Bool {
        FaceAction.allCases.contains { action in
            guard action.isMovement, let threshold = policy.actions.threshold(action), let value = signal.measure(action) else { return false }
            return value >= threshold
        }
    }

    /// A movement other than `action` at its full threshold, held clean (its cross axis small), while
    /// `action` itself is not under way: the client doing something it was not asked.
    func otherMovement(_ signal: ActionSignal, than action: FaceAction) -> FaceAction? {
        if action.isMovement, movementStarted(signal, action) { return nil }
        return FaceAction.allCases.first { other in
            guard other.isMovement, other != action, let threshold = policy.actions.threshold(other),
                let value = signal.measure(other)
            else { return false }
            return value >= threshold && (signal.crossAxis(other) ?? 0) < policy.actions.crossAxisDegrees
        }
    }

    /// Whether `action`'s measure is past its release level (half its threshold by default): it has begun.
    func movementStarted(_ signal: ActionSignal, _ action: FaceAction) -> Bool {
        guard let threshold = policy.actions.threshold(action), let value = signal.measure(action) else { return false }
        return value >= policy.actions.releaseFraction * threshold
    }

    /// Counts the run of frames at `step`'s threshold with a small cross axis; true once it is held for
    /// ``ActionPolicy/holdFrames`` frames and ``ActionPolicy/holdSeconds``.
    func held(_ signal: ActionSignal, step: inout LiveStepState) -> Bool {
        guard let threshold = policy.actions.threshold(step.action), let value = signal.measure(step.action),
            value >= threshold, (signal.crossAxis(step.action) ?? 0) < policy.actions.crossAxisDegrees
        else {
            step.run = []
            return false
        }
        step.run.append(signal.time)
        guard step.run.count >= policy.actions.holdFrames, let first = step.run.first, let last = step.run.last else { return false }
        let interval = (last - first) / Double(step.run.count - 1)
        return last - first + interval >= policy.actions.holdSeconds
    }

    /// The blink rule's closed level against the neutral start's eyes.
    func closedLevel(_ baseline: LiveBaseline) -> Double {
        min(policy.blink.closedCeiling, policy.blink.closedFraction * baseline.ear)
    }

    func blinkStarted(_ signal: ActionSignal, baseline: LiveBaseline) -> Bool {
        guard let ear = signal.ear else { return false }
        return ear < closedLevel(baseline)
    }

    /// A blink: the eyes closed for at most ``BlinkRule/maxClosedSeconds``, then open again (the blink rule's
    /// open level). A longer closure starts over.
    func blinkComplete(_ signal: ActionSignal, baseline: LiveBaseline, step: inout LiveStepState) -> Bool {
        guard let ear = signal.ear else { return false }
        if ear < closedLevel(baseline) {
            if step.closedSince == nil { step.closedSince = signal.time }
            return false
        }
        guard let closed = step.closedSince, ear >= policy.blink.openFraction * baseline.ear else { return false }
        step.closedSince = nil
        return signal.time - closed <= policy.blink.maxClosedSeconds
    }

    /// Whether the face is back to neutral: every movement's measure below its release level and the eyes open.
    func released(_ signal: ActionSignal) -> Bool {
        guard signal.pose != nil, signal.mouth != nil else { return false }
        return FaceAction.allCases.allSatisfy { action in
            !action.isMovement || !movementStarted(signal, action)
        }
    }
}
