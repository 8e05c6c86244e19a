import Foundation
import LivenessCore
import Testing
import TestSupport

/// The blink check on every shared video (both inference engines), on rotated and resampled variants, and on
/// broken files.
@Suite("Blink analysis")
struct BlinkTests {
    static func analyse(_ bytes: [UInt8], on engine: InferenceEngine = .openvino) async throws -> BlinkAnalysis {
        try await Fixtures.engine(engine).value.analyzeBlink(bytes)
    }

    @Test("Blink clips pass with 3 blinks", arguments: Videos.blinkClips, InferenceEngine.allCases)
    func blinkClip(name: String, engine: InferenceEngine) async throws {
        let analysis = try await Self.analyse(try Fixtures.bytes(Videos.path(name)), on: engine)
        #expect(analysis.activePassed, "\(analysis.reasons)")
        #expect(analysis.blinkCount == 3)
        #expect(analysis.reasons.isEmpty)
        #expect(analysis.faceFrames == analysis.framesAnalyzed)
        #expect((80...81).contains(analysis.framesAnalyzed))
        #expect(analysis.passive?.label == .real)
        // The reference curves: open about 0.27, closed 0.12-0.14.
        #expect((0.25...0.29).contains(analysis.earBaseline))
        #expect(analysis.earMinimum < 0.16)
    }

    @Test("Photo clips do not pass", arguments: Videos.photoClips, InferenceEngine.allCases)
    func photoClip(name: String, engine: InferenceEngine) async throws {
        let analysis = try await Self.analyse(try Fixtures.bytes(Videos.path(name)), on: engine)
        #expect(!analysis.activePassed)
        #expect(analysis.blinkCount == 0)
        #expect(analysis.reasons.contains(.noBlink))
        #expect(analysis.framesAnalyzed == 100)
        if name.contains("static") { #expect(analysis.reasons.contains(.staticVideo)) }
    }

    @Test(
        "Per-frame EAR follows the reference curve within 0.03",
        arguments: ["blink_real_h264.mp4", "noblink_photo_moving_vp9.webm"], InferenceEngine.allCases)
    func earCurve(name: String, engine: InferenceEngine) async throws {
        let csv = try String(contentsOfFile: "\(Fixtures.testdata)/video/ear/\(name).csv", encoding: .utf8)
        let reference = csv.split(separator: "\n").dropFirst().map { line in Double(line.split(separator: ",")[2]) }
        let analysis = try await Self.analyse(try Fixtures.bytes(Videos.path(name)), on: engine)
        #expect(analysis.ears.count == reference.count)
        var largest = 0.0
        for (got, want) in zip(analysis.ears, reference) {
            if let got, let want { largest = max(largest, abs(got - want)) }
        }
        #expect(largest < 0.03, "largest EAR difference \(largest)")
    }

    @Test("Rotation tags 90, 180 and 270 are undone", arguments: [90, 180, 270])
    func rotation(degrees: Int) async throws {
        let analysis = try await Self.analyse(try await onThread { try Videos.rotated(degrees) })
        #expect(analysis.activePassed, "\(analysis.reasons)")
        #expect(analysis.blinkCount == 3)
    }

    @Test("15 and 30 fps resamples find the same 3 blinks", arguments: [15, 30])
    func frameRates(fps: Int) async throws {
        let analysis = try await Self.analyse(try await onThread { try Videos.resampled(fps: fps) })
        #expect(abs(analysis.fps - Double(fps)) < 0.01)
        #expect(analysis.blinkCount == 3)
        #expect(analysis.activePassed)
    }

    /// The MOV regression of issue 22: QuickTime's data handler in `minf` came after the media handler and was taken
    /// for the track's type, so every MOV had "no video track".
    @Test(
        "QuickTime MOV files pass, with and without audio, with either data handler",
        arguments: [(false, "url "), (true, "url "), (true, "alis")])
    func quickTime(audio: Bool, dataHandler: String) async throws {
        let bytes = try await onThread { try Videos.quickTime(audio: audio, dataHandler: dataHandler) }
        #expect(bytes.count > 100_000)
        #expect(bytes.indices.contains { bytes[$0...].starts(with: Array("dhlr\(dataHandler)".utf8)) })
        let analysis = try await Self.analyse(bytes)
        #expect(analysis.activePassed, "\(analysis.reasons)")
        #expect(analysis.blinkCount == 3)
    }

    @Test("A MediaRecorder-style WebM without duration passes")
    func streamedWebM() async throws {
        let analysis = try await Self.analyse(try Videos.streamedWebM())
        #expect(analysis.blinkCount == 3)
        #expect(analysis.activePassed)
    }

    @Test("Corrupt, truncated and non-video files are invalid_video")
    func corrupt() async throws {
        let mp4 = try Fixtures.bytes(Videos.path("blink_real_h264.mp4"))
        let webm = try Fixtures.bytes(Videos.path("blink_real_vp9.webm"))
        var garbage = Array(mp4.prefix(64))
        garbage += (0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        let cases: [(String, [UInt8])] = [
            ("half mp4", Array(mp4.prefix(mp4.count / 2))), ("mp4 header only", Array(mp4.prefix(2_000))),
            ("half webm", Array(webm.prefix(webm.count / 2))), ("jpeg", try Fixtures.bytes(Fixtures.image("image_T1.jpg"))),
            ("text", Array("not a video at all".utf8)), ("ftyp then garbage", garbage),
        ]
        for (name, bytes) in cases {
            let error = await #expect(throws: LivenessError.self, "\(name)") { try await Self.analyse(bytes) }
            #expect(error?.code == .invalidVideo, "\(name): \(String(describing: error))")
        }
    }

    @Test("Clips over 10 s are refused; under 1 s they fail as too short")
    func duration() async throws {
        // ffmpeg runs off the cooperative pool: a blocked pool thread would stall every other test.
        let long = try await onThread {
            try withTemporaryFolder { folder in
                try FFmpeg.run(["-stream_loop", "3", "-i", Videos.path("noblink_photo_static_h264.mp4"), "-c", "copy", "\(folder)/long.mp4"])
                return try Fixtures.bytes("\(folder)/long.mp4")
            }
        }
        let error = await #expect(throws: LivenessError.self) { try await Self.analyse(long) }
        #expect(error?.code == .videoTooLong)
        let short = try await onThread {
            try FFmpeg.convert(Videos.path("blink_real_h264.mp4"), extension: "mp4", arguments: ["-t", "0.5", "-c:v", "libx264"])
        }
        let analysis = try await Self.analyse(short)
        #expect(!analysis.activePassed)
        #expect(analysis.reasons.contains(.videoTooShort))
    }

    @Test("The blink rule counts single closed frames at 15 fps and ignores long closures")
    func rule() {
        let rule = BlinkRule()
        let open = 0.27
        #expect(rule.evaluate([open, open, 0.12, open, open], fps: 15).blinks == 1)
        #expect(rule.evaluate([open, 0.22, 0.12, 0.13, 0.22, open, open], fps: 24).blinks == 1)
        // Closed for a whole second: not a blink. Closed at the very start: no open frame before.
        #expect(rule.evaluate([open] + Array(repeating: 0.1, count: 24) + [open, open, open], fps: 24).blinks == 0)
        #expect(rule.evaluate([0.1, open, open, open], fps: 24).blinks == 0)
        #expect(rule.evaluate([open, nil, 0.12, nil, open, 0.12, open, open], fps: 15).blinks == 2)
    }
}
