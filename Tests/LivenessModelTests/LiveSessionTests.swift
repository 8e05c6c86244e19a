import LivenessCore
import LivenessTools
import Testing
import TestSupport

/// The live session's judge on rendered frames: a responsive client passes; a client that knew its cues, one
/// that answers late, a clip made beforehand streamed at camera pace and a burst of frames all fail, each with
/// its reason.
@Suite("Live session on rendered frames")
struct LiveSessionTests {
    /// A clip rendered beforehand: every kind of step, in one order, at fixed times (the victim's recording of an
    /// earlier session, or an offline render).
    static let recorded = Task {
        let script = RenderScript(
            actions: [
                .init(action: .turnLeft, start: 1.6, amount: 38), .init(action: .blink, start: 3.4, amount: 1),
                .init(action: .openMouth, start: 4.4, amount: 0.5), .init(action: .lookDown, start: 6.2, amount: 30),
            ], seconds: 8, fps: LiveClient.fps)
        return try await LiveClient.observations(script, engine: try await Fixtures.engine.value)
    }

    func cues(_ events: [LiveEvent]) -> [FaceAction] {
        events.compactMap { if case .cue(_, _, let action) = $0 { action } else { nil } }
    }

    @Test("A client that answers each cue after it arrives passes: three movements and a blink, revealed one by one", arguments: [1, 2] as [UInt64])
    func responsive(seed: UInt64) async throws {
        let (outcome, events, _) = try await LiveClient.respond(seed: seed, reaction: 0.35, engine: try await Fixtures.engine.value)
        let result = try #require(outcome)
        #expect(result.reasons == [])
        #expect(result.steps.count == 4)
        #expect(result.steps.filter { $0.action == .blink }.count == 1)
        #expect(result.steps.map(\.action) == cues(events))
        // Each cue comes only after the step before it is done.
        var done = 0
        for event in events {
            if case .cue(let step, _, _) = event { #expect(step == done) }
            if case .stepDone = event { done += 1 }
        }
        for step in result.steps { #expect(step.reaction >= 0.3 && step.reaction <= 1.5) }
    }

    @Test("A client that starts each action before its cue arrives (it knew it) fails: reaction_too_fast")
    func knewTheCue() async throws {
        let (outcome, _, _) = try await LiveClient.respond(seed: 3, reaction: -0.25, seconds: 8, engine: try await Fixtures.engine.value)
        #expect(outcome?.reasons == [.reactionTooFast])
    }

    @Test("A client that answers 2 s after the cue (time to render) fails: reaction_too_slow")
    func tooSlow() async throws {
        let (outcome, _, _) = try await LiveClient.respond(seed: 4, reaction: 2.0, seconds: 8, engine: try await Fixtures.engine.value)
        #expect(outcome?.reasons == [.reactionTooSlow])
    }

    @Test("A clip made beforehand, streamed at camera pace, fails in at least 99 of 100 sessions, each for its order or timing")
    func prerecorded() async throws {
        let frames = try await Self.recorded.value
        // A hundred sessions of pose fits: off the cooperative pool, which the socket suites' servers answer on.
        let verdicts = try await onThread {
            (1...100 as ClosedRange<UInt64>).map { seed in
                LiveClient.replay(frames, seed: seed) { Double($0) / Double(LiveClient.fps) + LiveClient.latency }.outcome?.reasons
            }
        }
        #expect(verdicts.allSatisfy { $0 != nil })
        let reasons = verdicts.compactMap { $0 }
        #expect(reasons.filter(\.isEmpty).count <= 1)
        #expect(reasons.allSatisfy { $0.allSatisfy { [.wrongOrder, .reactionTooFast, .reactionTooSlow].contains($0) } })
    }

    @Test("The same frames sent as a burst, faster than they were captured, fail: not_real_time")
    func burst() async throws {
        let frames = try await Self.recorded.value
        let (outcome, _) = LiveClient.replay(frames, seed: 1) { Double($0) * 0.005 }
        #expect(outcome?.reasons == [.notRealTime])
    }

    func flashes(_ events: [LiveEvent]) -> [LightColour] {
        events.compactMap { if case .flash(_, _, let colour, _) = $0 { colour } else { nil } }
    }

    @Test("With the light code, a face that reflects each colour 0.1 s after it arrives passes; the code is decoded in order")
    func lightReflected() async throws {
        let (outcome, events, session) = try await LiveClient.respond(
            seed: 5, reaction: 0.35, light: .face(delay: 0.1), engine: try await Fixtures.engine.value)
        let result = try #require(outcome)
        let verdict = try #require(session.lightVerdict)
        #expect(result.reasons == [], "decoded \(verdict.decoded), responses \(verdict.responses), lag \(verdict.lag)")
        #expect(result.lightChecked && session.lightStatus == .passed)
        let code = flashes(events)
        #expect((4...6).contains(code.count))
        #expect(verdict.decoded == code.map { $0 })
        #expect(verdict.lag >= 0.1 && verdict.lag <= 0.4, "the frames show a colour 0.1 s after it arrives, 0.05 s each way")
        // The first cue only after the code was judged.
        let firstCue = try #require(events.firstIndex { if case .cue = $0 { true } else { false } })
        let judged = try #require(events.firstIndex(of: .light(.passed)))
        #expect(judged < firstCue)
    }

    @Test("A screen replay lit by the colours (the whole frame tinted alike) fails: light_mismatch")
    func lightOnWholeFrame() async throws {
        let (outcome, _, session) = try await LiveClient.respond(
            seed: 5, reaction: 0.35, seconds: 8, light: .wholeFrame(delay: 0.1), engine: try await Fixtures.engine.value)
        #expect(outcome?.reasons == [.lightMismatch], "\(String(describing: session.lightVerdict))")
    }

    @Test("A reflection 1 s after each colour arrives (time to render it) fails: light_mismatch")
    func lightLate() async throws {
        let (outcome, _, session) = try await LiveClient.respond(
            seed: 5, reaction: 0.35, seconds: 8, light: .face(delay: 1.0), engine: try await Fixtures.engine.value)
        #expect(outcome?.reasons == [.lightMismatch], "\(String(describing: session.lightVerdict))")
    }

    @Test("No reflection at all (a face that ignores the screen) fails: light_mismatch")
    func lightIgnored() async throws {
        let (outcome, _, session) = try await LiveClient.respond(
            seed: 5, reaction: 0.35, seconds: 8, light: .face(delay: 0.1, alpha: 0), engine: try await Fixtures.engine.value)
        #expect(outcome?.reasons == [.lightMismatch], "\(String(describing: session.lightVerdict))")
    }
}
