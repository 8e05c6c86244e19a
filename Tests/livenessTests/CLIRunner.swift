import Foundation
import TestSupport

/// Runs the built `liveness` executable and captures what it prints.
struct CLIRunner {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var testdata: String { Fixtures.testdata }
    static var models: String { Fixtures.models }

    /// `LIVENESS_BINARY` when set (CI: the release binary that goes into the image, scripts/build-release), else
    /// the debug build beside the test bundle in the build folder.
    static let executable: String = {
        if let binary = ProcessInfo.processInfo.environment["LIVENESS_BINARY"], !binary.isEmpty { return binary }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return bundle.deletingLastPathComponent().appendingPathComponent("liveness").path
    }()

    /// The process environment with the test models, `extra` on top, and challenges and the audit log in an
    /// in-memory database unless `extra` names one (nothing is written into the package).
    static func environment(_ extra: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["MODEL_DIR"] = models
        if extra["DATA_DIR"] == nil && extra["DATABASE_URL"] == nil { env["DATABASE_URL"] = "sqlite::memory:" }
        return env.merging(extra) { $1 }
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = Self.environment(environment)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
