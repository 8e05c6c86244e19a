import ArgumentParser
import Foundation
import LivenessCore
import LivenessTools
import LivenessServer

/// `liveness evaluate DIR [--manifest CSV] [--out REPORT_DIR] [--threshold T] [--policy adaptive|always]`
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure APCER, BPCER and friction on a labelled image set (an ISO/IEC 30107-3 style report).",
        discussion: """
            DIR holds bona_fide/ and attack/<species>/ (the species is the folder's name); or give
            --manifest with path,label,species lines. Every image runs through the service's pipeline and
            policy on the worker pool. Writes report.md, report.json, results.csv (one row per image),
            det.png and det.svg to --out. Exit status: 0 when the report was written, 2 when the set or the
            models are unusable.
            """
    )

    @OptionGroup var models: ModelOptions

    @Argument(help: "A folder with bona_fide/ and attack/<species>/ (not needed with --manifest).")
    var folder: String?

    @Option(help: "A CSV of path,label,species (label bona_fide or attack) instead of a folder.")
    var manifest: String?

    @Option(help: "Where the report goes.")
    var out = "evaluation"

    @Option(help: "CONFIDENCE_THRESHOLD for the policy (default: the configured one, 0.85).")
    var threshold: Double?

    @Option(help: "ACTIVE_CHECK_POLICY: adaptive or always (default: the configured one).")
    var policy: String?

    func validate() throws {
        if (folder == nil) == (manifest == nil) { throw ValidationError("give a folder or --manifest, not both") }
    }

    func run() async throws {
        let set: EvaluationSet
        do {
            set = try manifest.map { path throws(EvaluationError) in try EvaluationSet(manifest: path) } ?? EvaluationSet(folder: folder ?? "")
        } catch {
            printError("liveness: \(error)")
            throw ExitCode(2)
        }
        var extra: [String: String] = [:]
        if let threshold { extra[Setting.confidenceThreshold.key] = String(threshold) }
        if let policy { extra[Setting.activeCheckPolicy.key] = policy }
        let engine = try await models.startEngine(extra: extra)
        let total = set.items.count
        let terminal = isatty(STDERR_FILENO) != 0
        let samples = await engine.evaluate(set) { done in
            if terminal { FileHandle.standardError.write(Data("\r\(Self.bar(done, of: total))".utf8)) }
        }
        if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
        let modelNames = engine.catalog.classifiers.map(\.name)
        let configuration = engine.configuration
        await engine.shutdown()
        let report = EvaluationReport(
            samples: samples, models: modelNames, confidenceThreshold: configuration.confidenceThreshold,
            policy: configuration.activeCheck.rawValue)
        do {
            try write(report, samples: samples, title: manifest ?? folder ?? "")
        } catch {
            printError("liveness: cannot write the report to \(out): \(error)")
            throw ExitCode(2)
        }
        print(report.markdown(title: manifest ?? folder ?? ""))
        print("written: \(out)/report.md, report.json, results.csv, det.png, det.svg")
    }

    private func write(_ report: EvaluationReport, samples: [EvaluationSample], title: String) throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let folder = URL(fileURLWithPath: out)
        try Data(report.markdown(title: title).utf8).write(to: folder.appendingPathComponent("report.md"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        try encoder.encode(report).write(to: folder.appendingPathComponent("report.json"))
        let rows = [EvaluationSample.csvHeader] + samples.map(\.csvRow)
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("results.csv"))
        let plot = DETPlot(curves: report.sweeps.map { ($0.name, $0.points) })
        try Data(plot.svg().utf8).write(to: folder.appendingPathComponent("det.svg"))
        try Data(try plot.png()).write(to: folder.appendingPathComponent("det.png"))
    }

    /// "[=========>          ] 45/100".
    static func bar(_ done: Int, of total: Int) -> String {
        let width = 30
        let filled = total > 0 ? done * width / total : width
        return "[" + String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled) + "] \(done)/\(total)"
    }
}
