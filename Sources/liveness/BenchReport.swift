import Foundation

/// Per-stage latency summaries of `liveness bench`.
struct StageLatency: Encodable {
    /// The engine, runtime version and precision (``LivenessEngine/inferenceDescription``).
    let engine: String
    let decode: LatencySummary
    let detect: LatencySummary
    let classify: LatencySummary
    /// decode + detect + classify, measured on the worker.
    let total: LatencySummary
    /// From the caller's `await` to the result, including the hand-off to the worker.
    let endToEnd: LatencySummary
}

/// One throughput measurement.
struct ThroughputRun: Encodable {
    let workers: Int
    let images: Int
    let seconds: Double
    let imagesPerSecond: Double
}

/// Blink analysis timing.
struct BlinkTiming: Encodable {
    let video: String
    let frames: Int
    let fps: Double
    let workers: Int
    let latency: LatencySummary
    /// The same analysis bound to a selfie (the same-face check included).
    let boundLatency: LatencySummary?
    /// One face embedding (alignment chip to descriptor) on one worker.
    let embedding: LatencySummary?
    /// The same clip judged as an action challenge (`--actions`), bound to the selfie: pose, mouth, fingerprint.
    let actionsLatency: LatencySummary?
}

/// Everything `liveness bench` measured.
struct BenchReport: Encodable {
    let image: String
    let iterations: Int
    let latency: StageLatency
    let throughput: [ThroughputRun]
    let blink: BlinkTiming?
    /// The same one-worker latency and blink analysis on a second engine.
    let comparison: EngineComparison?

    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    func table() -> String {
        var lines = ["image: \(image), \(iterations) sequential checks on 1 worker, \(latency.engine)", "stage        p50 ms   p99 ms  mean ms"]
        let rows: [(String, LatencySummary)] = [
            ("decode", latency.decode), ("detect", latency.detect), ("classify", latency.classify),
            ("total", latency.total), ("end-to-end", latency.endToEnd),
        ]
        for (name, summary) in rows {
            lines.append(
                name.padding(toLength: 10, withPad: " ", startingAt: 0)
                    + String(format: " %8.2f %8.2f %8.2f", summary.p50, summary.p99, summary.mean))
        }
        lines.append("workers  images  seconds  images/s")
        for run in throughput {
            lines.append(String(format: "%7d %7d %8.2f %9.1f", run.workers, run.images, run.seconds, run.imagesPerSecond))
        }
        if let blink {
            lines.append(
                "blink: \(blink.video), \(blink.frames) frames at \(String(format: "%.1f", blink.fps)) fps, \(blink.workers) workers: "
                    + String(format: "p50 %.0f ms, p99 %.0f ms, mean %.0f ms", blink.latency.p50, blink.latency.p99, blink.latency.mean))
            if let bound = blink.boundLatency {
                lines.append(
                    String(format: "blink bound to the selfie: p50 %.0f ms, p99 %.0f ms, mean %.0f ms", bound.p50, bound.p99, bound.mean))
            }
            if let actions = blink.actionsLatency {
                lines.append(
                    String(format: "action challenge, bound: p50 %.0f ms, p99 %.0f ms, mean %.0f ms", actions.p50, actions.p99, actions.mean))
            }
            if let embedding = blink.embedding {
                lines.append(
                    String(format: "face embedding, one worker: p50 %.2f ms, p99 %.2f ms, mean %.2f ms", embedding.p50, embedding.p99, embedding.mean)
                )
            }
        }
        if let comparison {
            lines.append(
                String(
                    format: "on %@: end-to-end p50 %.2f ms; this engine takes %.2fx of it", comparison.engine, comparison.endToEndP50,
                    comparison.endToEndRatio))
            if let blinkP50 = comparison.blinkP50, let ratio = comparison.blinkRatio {
                lines.append(String(format: "on %@: blink p50 %.0f ms; this engine takes %.2fx of it", comparison.engine, blinkP50, ratio))
            }
        }
        return lines.joined(separator: "\n")
    }
}
