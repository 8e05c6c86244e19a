import Foundation
import Testing
import TestSupport

/// `liveness serve` processes sharing state: a restart on SQLite, and two replicas on one PostgreSQL.
@Suite("Replicas and restarts", .serialized)
struct ReplicaTests {
    /// The replicas answer blink challenges with the shared blink clip (the action challenge has its own suites).
    static let environment = [
        "CONFIDENCE_THRESHOLD": "1.0", "MAX_WORKERS": "1", "LOG_LEVEL": "warning", "ACTIVE_CHALLENGE": "blink",
    ]
    static let blinkVideo = Videos.path("blink_real_h264.mp4")

    /// `POST /liveness` with a selfie of the blink clip's man; returns the challenge id of the fallback.
    static func issueChallenge(port: Int) throws -> String {
        let base64 = Data(Videos.selfie).base64EncodedString()
        return try withTemporaryFolder { folder in
            try Data(#"{"image":"\#(base64)"}"#.utf8).write(to: URL(fileURLWithPath: "\(folder)/body.json"))
            let body = try ServeCommandTests.curl([
                "-s", "-H", "Content-Type: application/json", "--data-binary", "@\(folder)/body.json", "http://127.0.0.1:\(port)/liveness",
            ])
            let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
            let fallback = try #require(object?["fallback"] as? [String: Any], "no fallback in \(body.prefix(300))")
            return try #require(fallback["challenge_id"] as? String)
        }
    }

    /// Arguments of a curl that uploads the blink clip for `challenge` and prints the body, then the status.
    static func uploadArguments(port: Int, challenge: String) -> [String] {
        ["-s", "-w", "\n%{http_code}", "-F", "video=@\(blinkVideo)", "-F", "challenge_id=\(challenge)", "http://127.0.0.1:\(port)/active/blink"]
    }

    /// (status, body) of a finished upload.
    static func parse(_ output: String) -> (status: String, body: String) {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        return (String(lines.last ?? ""), lines.dropLast().joined(separator: "\n"))
    }

    static func upload(port: Int, challenge: String) async throws -> (status: String, body: String) {
        try await onThread { parse(try ServeCommandTests.curl(uploadArguments(port: port, challenge: challenge))) }
    }

    static func start(port: Int, environment: [String: String]) async throws -> ServerProcess {
        try await onThread { ServerProcess(process: try ServeCommandTests.start(port: port, environment: environment)) }
    }

    static func challenge(port: Int) async throws -> String {
        try await onThread { try issueChallenge(port: port) }
    }

    /// Runs `executable` and returns its exit status and standard output.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("A challenge issued before a restart is still valid after it (SQLite)")
    func restart() async throws {
        try await withTemporaryFolder { folder in
            let port = FreePort.next()
            let environment = Self.environment.merging(["DATA_DIR": folder]) { $1 }
            let first = try await Self.start(port: port, environment: environment)
            let challenge = try await Self.challenge(port: port)
            #expect(try await first.stop() == 0)
            #expect(FileManager.default.fileExists(atPath: "\(folder)/liveness.sqlite"))

            let second = try await Self.start(port: port, environment: environment)
            let answer = try await Self.upload(port: port, challenge: challenge)
            #expect(answer.status == "200", "\(answer.body.prefix(300))")
            #expect(answer.body.contains(#""active_passed":true"#))
            #expect(try await Self.upload(port: port, challenge: challenge).status == "409")
            #expect(try await Self.upload(port: port, challenge: String(repeating: "0", count: 32)).status == "404")
            #expect(try await second.stop() == 0)
        }
    }

    @Test(
        "Two replicas on one PostgreSQL: issued on A, consumed on B, replay 409, 20 racing uploads, one winner",
        .enabled(if: TestPostgres.url != nil, "set LIVENESS_TEST_DATABASE_URL (scripts/test starts a PostgreSQL)"))
    func replicas() async throws {
        let url = try #require(TestPostgres.url)
        let keyFolder = try TemporaryFolder()
        defer { keyFolder.remove() }
        // Replicas must share a signing key: without one, startup stops.
        let keyless = try await onThread {
            try CLIRunner.run(
                ["serve", "--port", String(FreePort.next())], environment: Self.environment.merging(["DATABASE_URL": url]) { $1 })
        }
        #expect(keyless.status == 2)
        #expect(keyless.stderr.contains("RESULT_SIGNING_KEY_FILE"), "\(keyless.stderr.suffix(400))")
        let keyFile = "\(keyFolder.path)/signing.pem"
        try await onThread { try SigningKey.write(to: keyFile) }
        let environment = Self.environment.merging(["DATABASE_URL": url, "RESULT_SIGNING_KEY_FILE": keyFile]) { $1 }
        let (portA, portB) = (FreePort.next(), FreePort.next())
        let replicaA = try await Self.start(port: portA, environment: environment)
        let replicaB: ServerProcess
        do {
            replicaB = try await Self.start(port: portB, environment: environment)
        } catch {
            _ = try? await replicaA.stop()
            throw error
        }

        let challenge = try await Self.challenge(port: portA)
        let onB = try await Self.upload(port: portB, challenge: challenge)
        #expect(onB.status == "200", "\(onB.body.prefix(300))")
        #expect(onB.body.contains(#""active_passed":true"#))
        // B's token verifies with the JWKS that A serves (one shared key).
        let token = try #require(
            (try JSONSerialization.jsonObject(with: Data(onB.body.utf8)) as? [String: Any])?["result_token"] as? String)
        let verified = try await onThread {
            try CLIRunner.run(["token", "verify", token, "--jwks", "http://127.0.0.1:\(portA)/.well-known/jwks.json"])
        }
        #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr.suffix(300))")
        #expect(verified.stdout.contains(#""decision":"passed""#), "\(verified.stdout)")
        // And with an independent verifier: PyJWT fetching A's JWKS.
        let python = try await onThread {
            try Self.run(
                "\(Fixtures.packageRoot)/.venv/bin/python",
                ["\(Fixtures.packageRoot)/Tests/tokens/verify_token.py", "http://127.0.0.1:\(portA)/.well-known/jwks.json", token, "public"])
        }
        #expect(python.status == 0 && python.output.contains(#""decision": "passed""#), "\(python.output)")
        let replay = try await Self.upload(port: portA, challenge: challenge)
        #expect(replay.status == "409")
        #expect(replay.body.contains("challenge_used"))

        // 20 uploads at once for one new challenge, alternating between the replicas.
        let raced = try await Self.challenge(port: portB)
        let answers = try await onThread {
            let uploads = try (0..<20).map { index in
                try ServeCommandTests.launchCurl(Self.uploadArguments(port: index.isMultiple(of: 2) ? portA : portB, challenge: raced))
            }
            return uploads.map { upload in
                let data = upload.output.fileHandleForReading.readDataToEndOfFile()
                upload.process.waitUntilExit()
                return Self.parse(String(decoding: data, as: UTF8.self))
            }
        }
        #expect(answers.filter { $0.status == "200" }.count == 1, "\(answers.map(\.status))")
        #expect(answers.filter { $0.status == "409" }.count == 19, "\(answers.map(\.status))")
        #expect(try await replicaA.stop() == 0)
        #expect(try await replicaB.stop() == 0)
    }

    @Test("An unreachable database stops startup with exit status 2, naming it without the password")
    func unreachableDatabase() async throws {
        let output = try await onThread {
            try CLIRunner.run(
                ["serve", "--port", String(FreePort.next())],
                environment: [
                    "DATABASE_URL": "postgres://liveness:s3cret-password@127.0.0.1:9/liveness?sslmode=disable",
                    "DATABASE_STARTUP_TIMEOUT_SECONDS": "2",
                ])
        }
        #expect(output.status == 2)
        #expect(output.stderr.contains("127.0.0.1:9"), "\(output.stderr.suffix(500))")
        #expect(!output.stderr.contains("s3cret"))
    }
}
