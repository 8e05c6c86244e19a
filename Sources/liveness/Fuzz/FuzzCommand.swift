import ArgumentParser
import Foundation
import LivenessTools
import LivenessCore

/// `liveness fuzz`: the resource-bomb corpus (``BombCorpus``), then mutated images and videos (the bombs
/// among the seeds) through the same guard, decode and analysis path the server uses. Fails (exit 1) when a
/// bomb is not refused with its code, an input is answered `internal_error` (bad input must get a precise 4xx
/// code), decodes to other pixels than OpenCV's `imdecode` (``DecoderParity``) or takes longer than
/// `--max-seconds`; a crash ends the process.
struct FuzzCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Fuzz the image and video decoders and the analysis with mutated fixtures."
    )

    @OptionGroup var models: ModelOptions

    @Option(help: "Folder of seed images.")
    var images = "../shared/testdata/images"

    @Option(help: "Folder of seed videos.")
    var videos = "../shared/testdata/video"

    @Option(help: "Time budget in seconds.")
    var seconds: Double = 120

    @Option(help: "Keep going past the time budget until this many inputs were tried.")
    var minInputs = 3000

    @Option(help: "Stop after this many inputs (0: no limit).")
    var maxInputs = 0

    @Option(help: "Share of the time spent on videos (0...1).")
    var videoShare: Double = 0.25

    @Option(help: "The longest any single image may take, in seconds.")
    var maxSeconds: Double = 2

    /// A video's decode stops at `maxDecodedPixels` (207 MP): a 4K clip reaches it after 23 frames, which took up
    /// to 2.0 s on the 2-core CI machine (debug build, dry run of 586b6bb), so decoding gets its own bound.
    @Option(help: "Longest time a video may take to guard and decode (the analysis is reported apart).")
    var maxVideoSeconds: Double = 3

    @Option(help: "Random seed (default: random, printed).")
    var seed: UInt64?

    @Option(help: "Where to save inputs that were too slow.")
    var saveTo = "artifacts/fuzz"

    func run() async throws {
        let seed = seed ?? UInt64.random(in: 0...UInt64.max)
        let engine = try await models.startEngine()
        let clip = FileManager.default.contents(atPath: "\(videos)/blink_real_h264.mp4").map { [UInt8]($0) }
        let bombs = try BombCorpus.images() + (try clip.map { try BombCorpus.videos(clip: $0) } ?? [])
        let imageSeeds =
            try Self.seeds(in: images, extensions: ["jpg", "png", "txt"]) + (try Self.encodedSeeds(images))
            + bombs.filter { $0.kind == .image }.map(\.bytes)
        let videoSeeds = try Self.seeds(in: videos, extensions: ["mp4", "webm"]) + bombs.filter { $0.kind == .video }.map(\.bytes)
        print("fuzz: seed \(seed), \(imageSeeds.count) image seeds, \(videoSeeds.count) video seeds, \(engine.workerCount) workers")
        var report = FuzzReport()
        let clock = ContinuousClock()
        let start = clock.now
        var defused = 0
        for bomb in bombs {
            let outcome = await (bomb.kind == .image ? Self.runImage : Self.runVideo)(bomb.bytes, "bomb:\(bomb.name)", engine)
            report.record(outcome)
            if outcome.result == bomb.expectedCode {
                defused += 1
            } else {
                print("fuzz: bomb \(bomb.name) answered \(outcome.result), expected \(bomb.expectedCode)")
            }
        }
        print("fuzz: \(defused) of \(bombs.count) bombs refused with their codes")
        var mutator = Mutator(random: SplitMix64(seed: seed))
        let imageBudget = seconds * (1 - videoShare)
        // Images: one input per worker at a time, so the measured time is the work, not queueing.
        while (start.duration(to: clock.now).seconds < imageBudget || report.total < minInputs) && !done(report) {
            let batch = (0..<engine.workerCount).map { _ in
                mutator.mutate(imageSeeds.randomElement(using: &mutator.random)!, other: imageSeeds.randomElement(using: &mutator.random)!)
            }
            await withTaskGroup(of: FuzzReport.Outcome.self) { group in
                for input in batch {
                    group.addTask { await Self.runImage(input.bytes, mutation: input.name, engine: engine) }
                }
                for await outcome in group { report.record(outcome) }
            }
        }
        // Videos: one at a time (each analysis already uses every worker).
        while start.duration(to: clock.now).seconds < seconds && !videoSeeds.isEmpty && !done(report) {
            let input = mutator.mutate(videoSeeds.randomElement(using: &mutator.random)!, other: videoSeeds.randomElement(using: &mutator.random)!)
            report.record(await Self.runVideo(input.bytes, mutation: input.name, engine: engine))
        }
        await engine.shutdown()
        let slow = report.slow(over: maxSeconds, videos: maxVideoSeconds)
        try save(slow + report.mismatched)
        print(report.summary(elapsed: start.duration(to: clock.now).seconds, limit: maxSeconds, videos: maxVideoSeconds))
        if !slow.isEmpty || report.internalErrors > 0 || !report.mismatched.isEmpty || defused < bombs.count { throw ExitCode(1) }
    }

    private func done(_ report: FuzzReport) -> Bool { maxInputs > 0 && report.total >= maxInputs }

    static func runImage(_ bytes: [UInt8], mutation: String, engine: LivenessEngine) async -> FuzzReport.Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        var outcome: String
        do {
            outcome = "ok:\(try await engine.check(bytes).label.rawValue)"
        } catch {
            outcome = error.code.rawValue
        }
        let seconds = start.duration(to: clock.now).seconds
        if !DecoderParity.holds(for: bytes) { outcome = DecoderParity.mismatch }
        return .init(kind: "image", mutation: mutation, result: outcome, seconds: seconds, input: bytes)
    }

    static func runVideo(_ bytes: [UInt8], mutation: String, engine: LivenessEngine) async -> FuzzReport.Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        // The limit applies to decoding; the analysis of a decoded clip is bounded by its 300 frames
        // and is reported separately.
        do {
            let analysis = try await engine.analyzeBlink(bytes)
            return .init(
                kind: "video", mutation: mutation, result: analysis.activePassed ? "ok:passed" : "ok:failed",
                seconds: analysis.decodeSeconds, input: bytes, analysisSeconds: analysis.analysisSeconds)
        } catch {
            return .init(
                kind: "video", mutation: mutation, result: error.code.rawValue,
                seconds: start.duration(to: clock.now).seconds, input: bytes)
        }
    }

    static func seeds(in folder: String, extensions: Set<String>) throws -> [[UInt8]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        return names.filter { extensions.contains(($0 as NSString).pathExtension) }
            .compactMap { FileManager.default.contents(atPath: "\(folder)/\($0)").map { [UInt8]($0) } }
    }

    /// WebP (lossy and lossless) and BMP seeds made from the lossless T1 PNG, so every accepted format is fuzzed.
    static func encodedSeeds(_ folder: String) throws -> [[UInt8]] {
        guard let data = FileManager.default.contents(atPath: "\(folder)/image_T1_lossless.png") else { return [] }
        let image = try DecodedImage.decode([UInt8](data))
        return try ["webp", "bmp"].map { try image.encoded(as: $0) }
    }

    private func save(_ slow: [FuzzReport.Outcome]) throws {
        guard !slow.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: saveTo, withIntermediateDirectories: true)
        for (index, outcome) in slow.enumerated() {
            try Data(outcome.input).write(
                to: URL(fileURLWithPath: "\(saveTo)/\(outcome.result == DecoderParity.mismatch ? "mismatch" : "slow")-\(index)-\(outcome.kind).bin"))
        }
    }
}
