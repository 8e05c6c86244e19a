/// Turns per-frame measures into events with hysteresis and checks them against a challenge.
///
/// Rules, each with its reason:
/// - every requested action has an event of its kind (`action_missing`);
/// - the movements found (turns, nods, mouth), in order, are exactly the requested ones: none missing,
///   none extra, none swapped (`wrong_order`), so a longer "rich" recording that contains them among
///   others fails;
/// - each movement's peak, and some blink for a requested blink, lies in its slot ± the tolerance, and it began
///   no earlier than ``ActionPolicy/earlyTolerance`` before its cue (`action_out_of_time`); spontaneous blinks
///   elsewhere never fail;
/// - the face never jumps in place or size between frames further than a person moves (`discontinuous_video`).
public struct ActionVerifier: Hashable, Sendable {
    public var policy: ActionPolicy

    public init(policy: ActionPolicy = ActionPolicy()) {
        self.policy = policy
    }

    /// Judges `signals` (one per analysed frame) and `blinks` (from the blink rule) against `challenge`;
    /// `track` gives each frame's face centre and size (nil without a face) for the splice guard.
    public func verify(
        _ challenge: ActionChallenge, signals: [ActionSignal], blinks: [ActionEvent], track: [(centre: Point, size: Double)?]
    ) -> ActionOutcome {
        let movements = events(signals)
        var reasons: [Reason] = []
        let requested = challenge.steps.filter { $0.action.isMovement }
        let inOrder = movements.map(\.action) == requested.map(\.action)
        var results: [ActionResult] = []
        var movementIndex = 0
        for step in challenge.steps {
            let window = (step.cue - policy.timeTolerance)...(step.end + policy.timeTolerance)
            let best = strongest(step.action, in: window, signals: signals, blinks: blinks)
            var result = ActionResult(
                step: step, passed: false, detected: false, peak: best?.value, peakTime: best?.time, threshold: policy.threshold(step.action))
            if step.action.isMovement {
                result.detected = movements.contains { $0.action == step.action }
                if inOrder {
                    let event = movements[movementIndex]
                    result.peak = event.peak
                    result.peakTime = event.peakTime
                    result.passed = window.contains(event.peakTime) && event.start >= step.cue - policy.earlyTolerance
                }
                movementIndex += 1
            } else {
                result.detected = !blinks.isEmpty
                if let blink = blinks.first(where: { window.contains($0.peakTime) && $0.start >= step.cue - policy.earlyTolerance }) {
                    result.passed = true
                    result.peak = blink.peak
                    result.peakTime = blink.peakTime
                }
            }
            results.append(result)
        }
        if results.contains(where: { !$0.detected }) { reasons.append(.actionMissing) }
        let allPresent = requested.allSatisfy { step in movements.contains { $0.action == step.action } }
        if !inOrder && (allPresent || movements.contains { event in !requested.contains { $0.action == event.action } }) {
            reasons.append(.wrongOrder)
        }
        if results.contains(where: { $0.detected && !$0.passed }) && !reasons.contains(.wrongOrder) {
            reasons.append(.actionOutOfTime)
        }
        if !continuous(track, times: signals.map(\.time)) { reasons.append(.discontinuousVideo) }
        return ActionOutcome(results: results, events: (movements + blinks).sorted { $0.start < $1.start }, reasons: reasons, signals: signals)
    }

    /// The movements in `signals`, in order of their start: each kind's measure reaches its threshold and stays
    /// above the release level for at least the hold, with the cross axis small meanwhile.
    public func events(_ signals: [ActionSignal]) -> [ActionEvent] {
        var found: [ActionEvent] = []
        for action in FaceAction.allCases where action.isMovement {
            guard let threshold = policy.threshold(action) else { continue }
            var run: [Int] = []
            var armed = false
            func close() {
                defer {
                    run = []
                    armed = false
                }
                guard armed, let first = run.first, let last = run.last else { return }
                let duration = signals[last].time - signals[first].time + frameSeconds(signals)
                guard run.count >= policy.holdFrames, duration >= policy.holdSeconds else { return }
                guard run.allSatisfy({ (signals[$0].crossAxis(action) ?? 0) < policy.crossAxisDegrees }) else { return }
                let peak = run.max { (signals[$0].measure(action) ?? 0) < (signals[$1].measure(action) ?? 0) } ?? first
                found.append(
                    ActionEvent(
                        action: action, start: signals[first].time, end: signals[last].time, peakTime: signals[peak].time,
                        peak: signals[peak].measure(action) ?? 0, frames: run.count))
            }
            for (index, signal) in signals.enumerated() {
                guard let value = signal.measure(action) else {
                    close()
                    continue
                }
                if value >= policy.releaseFraction * threshold {
                    run.append(index)
                    if value >= threshold { armed = true }
                } else {
                    close()
                }
            }
            close()
        }
        return found.sorted { $0.start < $1.start }
    }

    /// The largest measure of `action` in the requested direction within `window` (for a blink, the lowest eye
    /// aspect ratio of a counted blink there, else over the window).
    func strongest(_ action: FaceAction, in window: ClosedRange<Double>, signals: [ActionSignal], blinks: [ActionEvent])
        -> (value: Double, time: Double)?
    {
        if action == .blink {
            if let blink = blinks.filter({ window.contains($0.peakTime) }).min(by: { $0.peak < $1.peak }) {
                return (blink.peak, blink.peakTime)
            }
            return signals.filter { window.contains($0.time) && $0.ear != nil }.min { $0.ear! < $1.ear! }.map { ($0.ear!, $0.time) }
        }
        return signals.compactMap { signal in
            window.contains(signal.time) ? signal.measure(action).map { ($0, signal.time) } : nil
        }.max { $0.0 < $1.0 }
    }

    /// Whether, between any two face frames at most ``ActionPolicy/continuityWindow`` apart, the face moved and
    /// changed size no more than a person can in that time (plus the measurement's noise). Pairs over a window,
    /// not only neighbours: Face Mesh tracks each frame from the last one's region, which spreads a cut's jump
    /// over two or three frames.
    func continuous(_ track: [(centre: Point, size: Double)?], times: [Double]) -> Bool {
        let faces = track.indices.filter { track[$0].map { $0.size > 0 } ?? false }
        for (position, i) in faces.enumerated() {
            guard let a = track[i] else { continue }
            for j in faces[(position + 1)...] {
                let elapsed = times[j] - times[i]
                if elapsed > policy.continuityWindow { break }
                guard let b = track[j] else { continue }
                let jump = b.centre.distance(to: a.centre) / max(a.size, b.size)
                let change = abs(log(b.size / a.size))
                if jump > policy.maxJump * elapsed + policy.continuityNoise
                    || change > policy.maxSizeChange * elapsed + policy.continuityNoise
                {
                    return false
                }
            }
        }
        return true
    }

    private func frameSeconds(_ signals: [ActionSignal]) -> Double {
        guard signals.count > 1, let last = signals.last?.time, let first = signals.first?.time, last > first else { return 0 }
        return (last - first) / Double(signals.count - 1)
    }
}

import Foundation
