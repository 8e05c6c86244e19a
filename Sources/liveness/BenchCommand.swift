import ArgumentParser
import Foundation
import LivenessCore

/// `liveness bench`: per-stage latency with one worker, and throughput with 1...N workers.
///
/// It measures and reports; it asserts nothing about timings.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure per-stage latency (p50/p99) and throughput of the passive check."
    )

    @OptionGroup var models: ModelOptions

    @Option(help: "The image to check.")
    var image = "../shared/testdata/images/image_T1.jpg"

    @Option(help: "Sequential checks for the latency figures.")
    var iterations = 300

    @Option(help: "Images per throughput run.")
    var throughputImages = 3000

    @Option(help: "The largest worker count to measure (default: cores).")
    var upTo = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Also time the blink analysis of this video (all workers).")
    var video: String?

    @Option(
        help: ArgumentHelp(
            "Also time the video judged as this action challenge (bound to the image as its selfie).", valueName: "STEPS"))
    var actions: ActionChallenge?

    @Option(help: "Blink analyses to time.")
    var videoRuns = 10

    @Option(help: "Also time the one-worker latency (and the blink video) on this engine, and print the ratios.")
    var compareWith: InferenceEngine?

    @Flag(help: "Print the results as JSON.")
    var json = false

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: image) else {
            throw ValidationError("cannot read \(image)")
        }
        let bytes = [UInt8](data)
        let latency = try await measureLatency(bytes)
        var throughput: [ThroughputRun] = []
        for workers in 1...max(1, upTo) {
            throughput.append(try await measureThroughput(bytes, workers: workers))
        }
        var blink: BlinkTiming?
        if let video { blink = try await measureBlink(video) }
        var comparison: EngineComparison?
        if let other = compareWith {
            let otherLatency = try await measureLatency(bytes, engine: other)
            var otherBlink: BlinkTiming?
            if let video { otherBlink = try await measureBlink(video, engine: other) }
            comparison = EngineComparison(
                engine: other.rawValue, endToEndP50: otherLatency.endToEnd.p50,
                endToEndRatio: latency.endToEnd.p50 / otherLatency.endToEnd.p50, blinkP50: otherBlink?.latency.p50,
                blinkRatio: otherBlink.flatMap { other in blink.map { $0.latency.p50 / other.latency.p50 } })
        }
        let report = BenchReport(
            image: image, iterations: iterations, latency: latency, throughput: throughput, blink: blink,
            comparison: comparison)
        print(json ? report.json() : report.table())
    }

    private func measureLatency(_ bytes: [UInt8], engine: InferenceEngine? = nil) async throws -> StageLatency {
        let engine = try await models.startEngine(workers: 1, engine: engine)
        for _ in 0..<20 { _ = try await engine.check(bytes) }
        var timings: [StageTimings] = []
        var endToEnd: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<iterations {
            let start = clock.now
            timings.append(try await engine.checkTimed(bytes).timings)
            endToEnd.append(start.duration(to: clock.now).seconds)
        }
        await engine.shutdown()
        return StageLatency(
            decode: LatencySummary(timings.map(\.decode)), detect: LatencySummary(timings.map(\.detect)),
            classify: LatencySummary(timings.map(\.classify)), total: LatencySummary(timings.map(\.total)),
            endToEnd: LatencySummary(endToEnd))
    }

    private func measureThroughput(_ bytes: [UInt8], workers: Int) async throws -> ThroughputRun {
        let engine = try await models.startEngine(workers: workers)
        let count = throughputImages
        let inFlight = workers * 2
        for _ in 0..<workers * 10 { _ = try await engine.check(bytes) }
        let clock = ContinuousClock()
        let start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<count {
                if index >= inFlight { try await group.next() }
                group.addTask { _ = try await engine.check(bytes) }
            }
            try await group.waitForAll()
        }
        let seconds = start.duration(to: clock.now).seconds
        await engine.shutdown()
        return ThroughputRun(workers: workers, images: count, seconds: seconds, imagesPerSecond: Double(count) / seconds)
    }
}

extension BenchCommand {
    /// Wall time of whole blink analyses (decode, every frame on all workers, passive samples).
    func measureBlink(_ path: String, engine inference: InferenceEngine? = nil) async throws -> BlinkTiming {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
        let bytes = [UInt8](data)
        let engine = try await models.startEngine(engine: inference)
        let first = try await engine.analyzeBlink(bytes)
        // Bound to a selfie (the benchmark image), as a challenge is: the same-face check's extra cost.
        let selfie = [UInt8](FileManager.default.contents(atPath: image) ?? Data())
        let reference = engine.supportsFaceMatch ? try await engine.faceReference(selfie) : nil
        var seconds: [Double] = []
        var bound: [Double] = []
        var judged: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<max(1, videoRuns) {
            var start = clock.now
            _ = try await engine.analyzeBlink(bytes)
            seconds.append(start.duration(to: clock.now).seconds)
            guard let reference else { continue }
            start = clock.now
            _ = try await engine.analyzeBlink(bytes, reference: reference)
            bound.append(start.duration(to: clock.now).seconds)
            guard let actions else { continue }
            start = clock.now
            _ = try await engine.analyzeBlink(bytes, reference: reference, actions: actions)
            judged.append(start.duration(to: clock.now).seconds)
        }
        let embedding = reference == nil ? nil : try await engine.faceEmbeddingSeconds(selfie, runs: 200)
        await engine.shutdown()
        return BlinkTiming(
            video: path, frames: first.framesAnalyzed, fps: first.fps, workers: engine.workerCount,
            latency: LatencySummary(seconds), boundLatency: bound.isEmpty ? nil : LatencySummary(bound),
            embedding: embedding.map(LatencySummary.init), actionsLatency: judged.isEmpty ? nil : LatencySummary(judged))
    }
}
