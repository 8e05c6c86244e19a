import ArgumentParser
import Foundation
import LivenessCore
import LivenessWire

/// `liveness blink [--json] VIDEO...`
struct BlinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blink",
        abstract: "Run the active blink check on video files (MP4/MOV H.264, WebM VP8/VP9).",
        discussion: "Exit status: 0 when every video was analysed, 1 when any was refused, 2 when the models are unusable."
    )

    @OptionGroup var models: ModelOptions

    @Flag(help: "Print the JSON body POST /active/blink returns, one object per line.")
    var json = false

    @Flag(help: "Also print the per-frame eye aspect ratios.")
    var verbose = false

    @Option(
        help: ArgumentHelp(
            "A selfie: each video must also show its face, as for a challenge that selfie opened.",
            valueName: "SELFIE"))
    var reference: String?

    @Argument(help: "Video files.")
    var videos: [String]

    func run() async throws {
        let engine = try await models.startEngine()
        let face = try await engine.reference(option: reference, json: json)
        var failed = false
        for path in videos {
            let clock = ContinuousClock()
            let start = clock.now
            do {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw LivenessError.invalidRequest("cannot read the file")
                }
                let analysis = try await engine.analyzeBlink([UInt8](data), reference: face)
                let seconds = (clock.now - start).seconds
                print(json ? WireJSON.line(Components.Schemas.BlinkResponse(analysis)) : Self.summary(path, analysis, seconds))
                if verbose {
                    print("ear: " + analysis.ears.map { $0.map { String(format: "%.3f", $0) } ?? "-" }.joined(separator: " "))
                }
            } catch let error as LivenessError {
                failed = true
                print(json ? WireJSON.line(Components.Schemas.ErrorResponse(error)) : "\(path): error \(error.code): \(error.message)")
            }
        }
        await engine.shutdown()
        if failed { throw ExitCode(1) }
    }

    static func summary(_ path: String, _ analysis: BlinkAnalysis, _ seconds: Double) -> String {
        let passive = analysis.passive.map { String(format: "%@ %.3f", $0.label.rawValue, $0.confidenceScore) } ?? "-"
        let face =
            analysis.faceMatch.map { match in
                ", same face: " + (match.matched ? "yes" : "no") + (match.distance.map { String(format: " (distance %.3f)", $0) } ?? "")
            } ?? ""
        return String(
            format:
                "%@: %@, blinks %d, frames %d (faces %d) at %.1f fps, passive %@, motion %.4f, EAR %.3f/%.3f, %@ (%.2f s: decode %.2f, frames %.2f)",
            path, analysis.activePassed ? "PASSED" : "failed", analysis.blinkCount, analysis.framesAnalyzed,
            analysis.faceFrames, analysis.fps, passive, analysis.motion, analysis.earBaseline, analysis.earMinimum,
            analysis.reasons.isEmpty ? "no reasons" : analysis.reasons.map(\.rawValue).joined(separator: ","), seconds,
            analysis.decodeSeconds, analysis.analysisSeconds) + face
    }
}
