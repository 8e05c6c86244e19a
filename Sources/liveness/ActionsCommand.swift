import ArgumentParser
import Foundation
import LivenessCore
import LivenessWire

/// `liveness actions --challenge STEPS [--verbose] VIDEO...`
struct ActionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "Judge video files against an action challenge, optionally printing the per-frame signals.",
        discussion: "Exit status: 0 when every video was analysed, 1 when any was refused, 2 when the models are unusable."
    )

    @OptionGroup var models: ModelOptions

    @Option(help: ArgumentHelp("The challenge: ACTION@CUE-END,... in seconds.", valueName: "STEPS"))
    var challenge: ActionChallenge

    @Flag(help: "Print the JSON body POST /active/blink returns, one object per line.")
    var json = false

    @Flag(help: "Also print yaw, pitch, roll, mouth opening and eye aspect ratio per frame.")
    var verbose = false

    @Option(help: ArgumentHelp("A selfie: each video must also show its face, as for a bound challenge.", valueName: "SELFIE"))
    var reference: String?

    @Argument(help: "Video files.")
    var videos: [String]

    func run() async throws {
        let engine = try await models.startEngine()
        let face = try await engine.reference(option: reference, json: json)
        var failed = false
        for path in videos {
            do {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw LivenessError.invalidRequest("cannot read the file")
                }
                let analysis = try await engine.analyzeBlink([UInt8](data), reference: face, actions: challenge)
                print(json ? WireJSON.line(Components.Schemas.BlinkResponse(analysis)) : Self.summary(path, analysis))
                if verbose, let outcome = analysis.actions {
                    print("time    yaw   pitch  roll  mouth  ear")
                    for signal in outcome.signals { print(Self.row(signal)) }
                }
            } catch let error as LivenessError {
                failed = true
                print(json ? WireJSON.line(Components.Schemas.ErrorResponse(error)) : "\(path): error \(error.code): \(error.message)")
            }
        }
        await engine.shutdown()
        if failed { throw ExitCode(1) }
    }

    static func summary(_ path: String, _ analysis: BlinkAnalysis) -> String {
        let results = (analysis.actions?.results ?? []).map { result in
            let peak = result.peak.map { String(format: "%.2f", $0) } ?? "-"
            let time = result.peakTime.map { String(format: "%.2f s", $0) } ?? "-"
            return "\(result.step.action.rawValue) \(result.passed ? "ok" : "no") (peak \(peak) at \(time))"
        }
        let reasons = analysis.reasons.isEmpty ? "no reasons" : analysis.reasons.map(\.rawValue).joined(separator: ",")
        let face = analysis.faceMatch.map { match in
            String(
                format: ", same face %@ (distance %.3f, largest frame %.3f, blink %.3f, jump %.3f, action peaks %.3f)",
                match.matched ? "yes" : "no", match.distance ?? -1, match.largestFrameDistance ?? -1, match.largestBlinkDistance ?? -1,
                match.largestBlinkJump ?? -1, match.largestActionDistance ?? -1)
        }
        let signals = analysis.signals.map { signals in
            ", \(signals.frameRate.rawValue) rate, encoder \(signals.encoder ?? "-")" + (signals.reencodedBy.map { " (re-encoded: \($0))" } ?? "")
        }
        return "\(path): \(analysis.activePassed ? "PASSED" : "failed"), \(results.joined(separator: "; ")), \(reasons)\(face ?? "")\(signals ?? "")"
    }

    static func row(_ signal: ActionSignal) -> String {
        let number = { (value: Double?, format: String) in value.map { String(format: format, $0) } ?? "     -" }
        return [
            String(format: "%5.2f", signal.time), number(signal.pose?.yaw, "%6.1f"), number(signal.pose?.pitch, "%6.1f"),
            number(signal.pose?.roll, "%6.1f"), number(signal.mouth, "%6.3f"), number(signal.ear, "%6.3f"),
        ].joined(separator: " ")
    }
}
