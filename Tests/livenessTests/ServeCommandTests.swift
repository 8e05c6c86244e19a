import Foundation
import Testing
import TestSupport

/// `liveness serve` as a process: startup, SIGTERM drain, startup failures.
@Suite("liveness serve", .serialized)
struct ServeCommandTests {
    static func freePort() -> Int { Int.random(in: 20_000..<40_000) }

    /// Starts the server and waits until /health/ready answers 200.
    static func start(port: Int, environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIRunner.executable)
        process.arguments = ["serve", "--port", String(port)]
        var env = ProcessInfo.processInfo.environment
        env["MODEL_DIR"] = Fixtures.models
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        for _ in 0..<200 {
            if (try? curl(["-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(port)/health/ready"])) == "200" {
                return process
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        throw FixtureError("the server did not become ready")
    }

    @discardableResult
    static func curl(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("SIGTERM lets in-flight requests finish, then the process exits 0")
    func gracefulShutdown() async throws {
        let port = Self.freePort()
        let server = try Self.start(port: port, environment: ["MAX_WORKERS": "1", "MAX_QUEUE": "100"])
        let body = try TemporaryFolder()
        defer { body.remove() }
        let base64 = Data(try Fixtures.bytes(Fixtures.image("image_T1.jpg"))).base64EncodedString()
        try Data(#"{"image":"\#(base64)"}"#.utf8).write(to: URL(fileURLWithPath: "\(body.path)/body.json"))
        let bodyFile = "\(body.path)/body.json"
        let codes = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    try Self.curl([
                        "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Content-Type: application/json",
                        "--data-binary", "@\(bodyFile)", "http://127.0.0.1:\(port)/liveness",
                    ])
                }
            }
            // 16 checks on one worker take several hundred ms: stop the server while they are queued.
            try await Task.sleep(for: .milliseconds(150))
            kill(server.processIdentifier, SIGTERM)
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        server.waitUntilExit()
        #expect(codes.count == 16)
        #expect(codes.allSatisfy { $0 == "200" }, "\(codes)")
        #expect(server.terminationStatus == 0)
    }

    @Test("A corrupt model stops startup with exit status 2")
    func corruptModel() throws {
        try withTemporaryFolder { folder in
            for name in ["deploy.prototxt", "Widerface-RetinaFace.caffemodel", "2.7_80x80_MiniFASNetV2.onnx"] {
                try FileManager.default.copyItem(atPath: "\(Fixtures.models)/\(name)", toPath: "\(folder)/\(name)")
            }
            try Data("not a model".utf8).write(to: URL(fileURLWithPath: "\(folder)/4_0_0_80x80_MiniFASNetV1SE.onnx"))
            let output = try CLIRunner.run(["serve", "--port", String(Self.freePort())], environment: ["MODEL_DIR": folder])
            #expect(output.status == 2)
            #expect(output.stderr.contains("4_0_0_80x80_MiniFASNetV1SE.onnx"))
        }
    }
}
