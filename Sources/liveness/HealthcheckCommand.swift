import ArgumentParser
import Foundation
import LivenessServer

/// `liveness healthcheck`: exit 0 when the local server's `/health/ready` answers 200. The container
/// image's `HEALTHCHECK` runs it, so the image needs no curl.
///
/// Configuration keys: `PORT` (``Setting/port``).
struct HealthcheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck",
        abstract: "Exit 0 when the server on 127.0.0.1 answers 200 on /health/ready (for container health checks)."
    )

    @Option(help: Setting.port.argumentHelp)
    var port: Int?

    @Option(help: "The path to probe.")
    var path = "/health/ready"

    @Option(help: "Seconds to wait for the answer.")
    var timeout: Double = 3

    func run() throws {
        let port = try port ?? SettingsReader(flags: [:]).integer(.port, default: ServerConfiguration().port)
        do {
            let status = try HTTPProbe.status(port: port, path: path, timeout: timeout)
            guard status == 200 else {
                printError("liveness healthcheck: \(path) answered \(status)")
                throw ExitCode(1)
            }
        } catch let failure as HTTPProbe.Failure {
            printError("liveness healthcheck: \(failure)")
            throw ExitCode(1)
        }
    }
}
