import Foundation
import LivenessCore
import LivenessTools
import Testing
import TestSupport

/// The action challenge's verifier on rendered clips: a pass, then each rule failed in turn with its reason,
/// the head pose's sign and magnitude, the renderer's determinism, and the attacks it stops.
@Suite("Action challenge on rendered clips")
struct ActionChallengeTests {
    static let challenge = Renders.challenge

    func analyse(_ video: [UInt8], _ challenge: ActionChallenge = Self.challenge) async throws -> BlinkAnalysis {
        try await Fixtures.engine.value.analyzeBlink(video, actions: challenge)
    }

    /// `script` rendered and encoded (the shared answer to ``challenge`` when it is that one).
    func render(_ script: RenderScript, flat: Bool = false, arguments: [String] = []) async throws -> [UInt8] {
        if script == RenderScript(answering: Self.challenge) && !flat {
            return try await Renders.encode(try await Renders.answer.value, arguments: arguments)
        }
        return try await Renders.mp4(script, engine: try await Fixtures.engine.value, flat: flat, arguments: arguments)
    }

    @Test("A render that answers the challenge passes, every action in its slot")
    func pass() async throws {
        let analysis = try await analyse(try await render(RenderScript(answering: Self.challenge)))
        #expect(analysis.reasons == [])
        #expect(analysis.activePassed)
        let results = try #require(analysis.actions?.results)
        #expect(results.map(\.step.action) == [.turnLeft, .openMouth, .lookDown])
        for result in results {
            #expect(result.passed && result.detected)
            let peak = try #require(result.peak)
            #expect(peak >= (result.threshold ?? 0))
            let time = try #require(result.peakTime)
            #expect(time >= result.step.cue && time <= result.step.end)
        }
    }

    @Test("The right actions in the wrong order fail: wrong_order")
    func wrongOrder() async throws {
        let swapped = ActionChallenge(text: "open_mouth@0.8-2.2,turn_left@2.2-3.5,look_down@3.5-5")!
        let analysis = try await analyse(try await render(RenderScript(answering: swapped)))
        #expect(analysis.reasons == [.wrongOrder])
        #expect(!analysis.activePassed)
    }

    @Test("An answer shifted by a slot fails: action_out_of_time (the turn begun before its cue; found by the browser test)")
    func shiftedBySlot() async throws {
        let challenge = ActionChallenge(text: "blink@0.8-2.0,turn_right@2.0-3.3,blink@3.3-4.8")!
        let shifted = ActionChallenge(text: "turn_right@0.8-2.0,blink@2.0-3.3,blink@3.3-4.8")!
        let analysis = try await analyse(try await render(RenderScript(answering: shifted)), challenge)
        #expect(analysis.reasons == [.actionOutOfTime], "\(analysis.reasons)")
        #expect(!analysis.activePassed)
        let answered = try await analyse(try await render(RenderScript(answering: challenge)), challenge)
        #expect(answered.activePassed, "the same challenge answered in its slots passes: \(answered.reasons)")
    }

    @Test("A rich clip with every action, the requested ones among them in order, fails: wrong_order")
    func rich() async throws {
        let script = RenderScript(
            actions: [
                .init(action: .turnLeft, start: 1.0, amount: 38), .init(action: .turnRight, start: 2.0, amount: 38),
                .init(action: .openMouth, start: 3.0, amount: 0.5), .init(action: .lookUp, start: 3.9, amount: 30),
                .init(action: .lookDown, start: 4.8, amount: 30), .init(action: .blink, start: 5.8, amount: 1),
            ], seconds: 6.5)
        let analysis = try await analyse(try await render(script))
        #expect(analysis.reasons.contains(.wrongOrder))
        #expect(!analysis.activePassed)
    }

    @Test("A requested action not done at all fails: action_missing, with what was measured")
    func missing() async throws {
        var script = RenderScript(answering: Self.challenge)
        script.actions.removeLast()
        let analysis = try await analyse(try await render(script))
        #expect(analysis.reasons.contains(.actionMissing))
        let last = try #require(analysis.actions?.results.last)
        #expect(!last.detected && !last.passed)
        #expect(abs(last.peak ?? 99) < (last.threshold ?? 0))
    }

    @Test("The actions in order but late fail: action_out_of_time")
    func late() async throws {
        var script = RenderScript(answering: Self.challenge)
        script.actions[2].start += 2.2
        script.seconds += 2.2
        let analysis = try await analyse(try await render(script))
        #expect(analysis.reasons == [.actionOutOfTime])
    }

    @Test("A requested blink must fall in its slot; spontaneous blinks elsewhere never fail")
    func blinkSlot() async throws {
        let challenge = ActionChallenge(text: "turn_right@0.8-2.2,blink@2.2-3.5,look_up@3.5-5")!
        var script = RenderScript(answering: challenge)
        script.actions.append(.init(action: .blink, start: 0.3, amount: 1))
        let passed = try await analyse(try await render(script), challenge)
        #expect(passed.reasons == [])
        script.actions.removeAll { $0.action == .blink && $0.start > 1 }
        let missing = try await analyse(try await render(script), challenge)
        #expect(missing.reasons == [.actionOutOfTime])
    }

    @Test("A cut to a zoomed copy mid-clip fails: discontinuous_video")
    func splice() async throws {
        let filter =
            "[0:v]split[a][b];[a]trim=0:2.6,setpts=PTS-STARTPTS[x];"
            + "[b]trim=2.6,setpts=PTS-STARTPTS,crop=iw*0.75:ih*0.75:iw*0.2:ih*0.1,scale=480:640[y];[x][y]concat=n=2:v=1"
        let analysis = try await analyse(try await render(RenderScript(answering: Self.challenge), arguments: ["-filter_complex", filter]))
        #expect(analysis.reasons.contains(.discontinuousVideo))
    }

    @Test("Pose on renders at known angles: the sign is right and the magnitude grows with the truth")
    func poseSign() async throws {
        let truths = [15.0, 25.0, 35.0]
        for action in [FaceAction.turnLeft, .turnRight, .lookUp, .lookDown] {
            // One clip per direction: the three angles in turn, each back to neutral before the next.
            let starts = truths.indices.map { 1.0 + 1.2 * Double($0) }
            let script = RenderScript(
                actions: zip(truths, starts).map { .init(action: action, start: $1, amount: $0) }, seconds: starts.last! + 1.3)
            let challenge = ActionChallenge(steps: [ActionStep(action: action, cue: 0.8, end: script.seconds)])
            let signals = try #require(try await analyse(try await render(script), challenge).actions?.signals)
            let peaks = starts.map { start in
                signals.filter { $0.time >= start && $0.time <= start + 1.05 }.compactMap { $0.measure(action) }.max() ?? -99
            }
            #expect(peaks[0] > 2, "\(action): \(peaks)")
            #expect(peaks[0] < peaks[1] && peaks[1] < peaks[2], "\(action): \(peaks)")
        }
    }

    @Test("A print turned 45° (a flat face: a homography) reads far below a turn")
    func tiltedPrint() async throws {
        let script = RenderScript(answering: Self.challenge)
        var tilted = script
        tilted.actions[0].amount = 45
        let analysis = try await analyse(try await render(tilted, flat: true))
        let turn = try #require(analysis.actions?.results.first)
        #expect(!turn.passed)
        #expect((turn.peak ?? 99) < 10)
        #expect(!analysis.activePassed)
    }

    @Test("The renderer is deterministic: the same script gives the same bytes, another seed other bytes")
    func deterministic() async throws {
        let engine = try await Fixtures.engine.value
        let script = RenderScript(answering: Self.challenge)
        let first = try await Renders.y4m(script, engine: engine)
        let second = try await Renders.y4m(script, engine: engine)
        #expect(first == second)
        var other = script
        other.seed = 2
        #expect(try await Renders.y4m(other, engine: engine) != first)
    }

    @Test("Every shared test clip fails an action challenge")
    func sharedClipsFail() async throws {
        for name in Videos.blinkClips + Videos.photoClips {
            let analysis = try await analyse(try Fixtures.bytes(Videos.path(name)))
            #expect(!analysis.activePassed, "\(name)")
            #expect(analysis.reasons.contains(.actionMissing) || analysis.reasons.contains(.wrongOrder), "\(name): \(analysis.reasons)")
        }
    }

    @Test("The container's creation_time is read: an old one is stated, FFmpeg's default (none) is nil")
    func creationTime() async throws {
        let script = RenderScript(answering: Self.challenge)
        let old = try await render(script, arguments: ["-metadata", "creation_time=2020-01-01T00:00:00Z"])
        #expect(MP4CreationTime.read(old) == Date(timeIntervalSince1970: 1_577_836_800))
        #expect(MP4CreationTime.read(try await render(script)) == nil)
        #expect(MP4CreationTime.read(try Fixtures.bytes(Videos.path("blink_real_vp9.webm"))) == nil)
    }

    @Test("Signals: an FFmpeg-encoded render names its muxer and is constant-rate; frames dropped make it variable")
    func signals() async throws {
        let script = RenderScript(answering: Self.challenge)
        let constant = try #require(try await analyse(try await render(script)).signals)
        #expect(constant.encoder?.hasPrefix("Lavf") == true)
        #expect(constant.reencodedBy == "FFmpeg")
        #expect(constant.frameRate == .constant)
        let dropped = try await render(script, arguments: ["-vf", "select='not(between(n,20,23))*not(between(n,50,52))'", "-fps_mode", "vfr"])
        let analysis = try await analyse(dropped)
        #expect(analysis.signals?.frameRate == .variable)
        // The verifier reads the clip's own timestamps: the actions stay in their slots despite the gaps.
        #expect(analysis.actions?.results.map(\.passed) == [true, true, true], "\(analysis.reasons)")
    }

    /// Bad inputs for an action challenge: each gives reasons (a failed check) or a typed error, never a crash.
    enum BadInput: String, CaseIterable, CustomStringConvertible {
        case noFace, twoFaces, tooShort, tooLong, tooFast
        var description: String { rawValue }
    }

    @Test("Every bad input gives a reason or a typed error, never an internal error", arguments: BadInput.allCases)
    func badInput(_ input: BadInput) async throws {
        let rendered = try await Renders.answer.value
        let video: [UInt8] = try await withTemporaryFolder { folder in
            try await onThread {
                try Data(rendered).write(to: URL(fileURLWithPath: "\(folder)/in.y4m"))
                let encode = ["-c:v", "libx264", "-pix_fmt", "yuv420p", "\(folder)/out.mp4"]
                switch input {
                case .noFace: try FFmpeg.run(["-f", "lavfi", "-i", "color=c=gray:s=480x640:d=5:r=15"] + encode)
                case .twoFaces:
                    try FFmpeg.run(["-loop", "1", "-t", "5", "-r", "15", "-i", "\(Fixtures.testdata)/images/two_faces.png"] + encode)
                case .tooShort: try FFmpeg.run(["-i", "\(folder)/in.y4m", "-t", "0.6"] + encode)
                case .tooLong: try FFmpeg.run(["-stream_loop", "2", "-i", "\(folder)/in.y4m"] + encode)
                case .tooFast: try FFmpeg.run(["-i", "\(folder)/in.y4m", "-t", "2", "-r", "120"] + encode)
                }
                return try Fixtures.bytes("\(folder)/out.mp4")
            }
        }
        do {
            let analysis = try await analyse(video)
            #expect(!analysis.activePassed)
            let expected: Reason =
                switch input {
                case .noFace: .faceNotFound
                case .tooShort: .videoTooShort
                default: .actionMissing
                }
            #expect(analysis.reasons.contains(expected), "\(analysis.reasons)")
        } catch let error as LivenessError {
            let expected: LivenessError.Code? =
                switch input {
                case .tooLong: .videoTooLong
                case .tooFast: .unsupportedVideo
                default: nil
                }
            #expect(error.code == expected, "\(error.code): \(error.message)")
        }
    }

    @Test("An aligned splice of another person's face doing the movements over the victim's neutral clip: face_changed")
    func alignedActionSplice() async throws {
        let engine = try await Fixtures.engine.value
        let reference = try await engine.faceReference(try Fixtures.bytes(Renders.still))
        let splice = try await Renders.actionSplice(Self.challenge, engine: engine)
        let analysis = try await engine.analyzeBlink(splice, reference: reference, actions: Self.challenge)
        #expect(analysis.reasons.contains(.faceChanged), "\(analysis.reasons) \(String(describing: analysis.faceMatch))")
        #expect((analysis.faceMatch?.largestActionDistance ?? 0) > 0.6)
        #expect(analysis.faceMatch?.matched == true, "the neutral frames are the victim's")
        #expect(!analysis.activePassed)
        // face_changed comes from the movement peaks: the near-neutral frames alone (the peaks unchecked) match.
        // The same splice also misreads its movements (the donor's face is measured against the victim's neutral
        // mesh), a second, independent failure; a better-aligned donor (a face swap) would not be misread.
        var unchecked = engine.blinkPolicy
        unchecked.faceMatch.actionBound = .infinity
        let before = try await engine.analyzeBlink(splice, reference: reference, actions: Self.challenge, policy: unchecked)
        #expect(!before.reasons.contains(.faceChanged), "\(before.reasons)")
    }
}
