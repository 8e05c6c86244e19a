import ArgumentParser
import Foundation
import LivenessServer

/// `liveness token verify TOKEN --jwks URL|FILE`: checks a token's signature and expiry and prints its claims.
struct TokenVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a result token against a JWKS and print its claims as JSON.",
        discussion: "Exit status: 0 when the token verifies, 1 when it does not, 2 when the JWKS cannot be read."
    )

    @Argument(help: "The compact JWS from a result_token field.")
    var token: String

    @Option(help: "The key set: an http:// URL (e.g. http://127.0.0.1:8000/.well-known/jwks.json) or a file.")
    var jwks: String

    func run() async throws {
        let keySet: [UInt8]
        do {
            keySet = try Self.read(jwks)
        } catch {
            printError("liveness: cannot read the JWKS from \(jwks): \(error)")
            throw ExitCode(2)
        }
        do {
            let claims = try await ResultTokenVerifier.verify(token.trimmingCharacters(in: .whitespacesAndNewlines), jwks: keySet)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .secondsSince1970
            print(String(decoding: try encoder.encode(claims), as: UTF8.self))
        } catch {
            print("not valid: \(error)")
            throw ExitCode(1)
        }
    }

    /// The key set from an http:// URL or a file.
    static func read(_ source: String) throws -> [UInt8] {
        guard source.hasPrefix("http://") else {
            guard let data = FileManager.default.contents(atPath: source) else { throw HTTPProbe.Failure(description: "no such file") }
            return [UInt8](data)
        }
        guard let url = URL(string: source), let host = url.host else { throw HTTPProbe.Failure(description: "not a URL") }
        let answer = try HTTPProbe.get(host: host, port: url.port ?? 80, path: url.path.isEmpty ? "/" : url.path, timeout: 10)
        guard answer.status == 200 else { throw HTTPProbe.Failure(description: "HTTP \(answer.status)") }
        return answer.body
    }
}
