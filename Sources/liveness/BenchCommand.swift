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

    @Option(
        help: "Also time the one-worker latency (and the blink video, the engines taking turns) on this engine, and print the ratios.")
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
        var otherBlink: BlinkTiming?
        if let video { (blink, otherBlink) = try await measureBlink(video, against: compareWith) }
        var comparison: EngineComparison?
        if let other = compareWith {
            let otherLatency = try await measureLatency(bytes, engine: other)
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
            engine: engine.inferenceDescription, decode: LatencySummary(timings.map(\.decode)), detect: LatencySummary(timings.map(\.detect)),
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
    /// Wall time of whole blink analyses (decode, every frame on all workers, passive samples) on this run's engine
    /// and, with `other`, on that engine too: both engines run at once and take turns clip by clip
    /// (``BlinkBench``), so that the ratio compares the same minutes of the host.
    func measureBlink(_ path: String, against other: InferenceEngine?) async throws -> (BlinkTiming, BlinkTiming?) {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
        // Bound to a selfie (the benchmark image), as a challenge is: the same-face check's extra cost.
        let selfie = [UInt8](FileManager.default.contents(atPath: image) ?? Data())
        var engines: [InferenceEngine?] = [nil]
        if let other { engines.append(other) }
        var benches: [BlinkBench] = []
        for engine in engines {
            benches.append(
                try await BlinkBench(
                    engine: try await models.startEngine(engine: engine), path: path, video: [UInt8](data), selfie: selfie,
                    actions: actions))
        }
        for _ in 0..<max(1, videoRuns) {
            for bench in benches { try await bench.run() }
        }
        var timings: [BlinkTiming] = []
        for bench in benches { timings.append(try await bench.finish()) }
        return (timings[0], timings.count > 1 ? timings[1] : nil)
    }
}
