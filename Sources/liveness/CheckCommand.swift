import ArgumentParser
import Foundation
import LivenessCore

/// `liveness check [--json] [--annotate OUT.jpg] IMAGE...`
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run the passive liveness check on image files.",
        discussion: """
            Prints, for each image, the JSON body POST /liveness returns (with --json) or a summary line.
            Exit status: 0 when every image gave a result, 1 when any image hit an input error,
            2 when the models or the configuration are unusable.
            """
    )

    @OptionGroup var models: ModelOptions

    @Flag(help: "Print the JSON body of each result, one object per line.")
    var json = false

    @Option(
        help: ArgumentHelp(
            "Write the image with the face box, label and score drawn on it.",
            discussion: "With several images, OUT must be a folder; each is written as <name>.annotated.jpg.",
            valueName: "OUT.jpg"))
    var annotate: String?

    @Argument(help: "JPEG, PNG, WebP or BMP files.")
    var images: [String]

    func validate() throws {
        if images.isEmpty { throw ValidationError("give at least one image") }
    }

    func run() async throws {
        let engine = try await models.startEngine()
        let outcomes = await withTaskGroup(of: (Int, CheckOutcome).self) { group in
            for (index, path) in images.enumerated() {
                group.addTask { (index, await check(path, with: engine)) }
            }
            var outcomes = [CheckOutcome?](repeating: nil, count: images.count)
            for await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes.compactMap { $0 }
        }
        await engine.shutdown()
        var failed = false
        for (path, outcome) in zip(images, outcomes) {
            print(json ? outcome.json() : outcome.summary(for: path))
            if case .failure = outcome.result { failed = true }
            if let problem = outcome.annotationProblem { printError("liveness: \(path): \(problem)") }
        }
        if failed { throw ExitCode(1) }
    }

    private func check(_ path: String, with engine: LivenessEngine) async -> CheckOutcome {
        guard let data = FileManager.default.contents(atPath: path) else {
            return CheckOutcome(result: .failure(.invalidRequest("cannot read the file")))
        }
        let bytes = [UInt8](data)
        guard let target = annotationTarget(for: path) else {
            do {
                return CheckOutcome(result: .success(try await engine.check(bytes)))
            } catch {
                return CheckOutcome(result: .failure(error))
            }
        }
        do {
            let (result, jpeg) = try await engine.checkAnnotated(bytes)
            var outcome = CheckOutcome(result: .success(result))
            do {
                try Data(jpeg).write(to: URL(fileURLWithPath: target))
            } catch {
                outcome.annotationProblem = "could not write \(target): \(error.localizedDescription)"
            }
            return outcome
        } catch {
            return CheckOutcome(result: .failure(error))
        }
    }

    /// Where the annotated copy of `path` goes, if anywhere.
    private func annotationTarget(for path: String) -> String? {
        guard let annotate else { return nil }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: annotate, isDirectory: &isDirectory)
        guard images.count > 1 || (exists && isDirectory.boolValue) || annotate.hasSuffix("/") else { return annotate }
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        try? FileManager.default.createDirectory(atPath: annotate, withIntermediateDirectories: true)
        return (annotate as NSString).appendingPathComponent("\(stem).annotated.jpg")
    }
}
