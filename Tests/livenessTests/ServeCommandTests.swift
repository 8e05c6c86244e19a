import Foundation
import LivenessCore
import Testing
import TestSupport

/// `liveness serve` as a process: startup, SIGTERM drain, startup failures.
@Suite("liveness serve", .serialized)
struct ServeCommandTests {

    /// Starts the server and waits until /health/ready answers 200.
    static func start(port: Int, environment: [String: String] = [:], standardError: FileHandle = .nullDevice) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIRunner.executable)
        process.arguments = ["serve", "--port", String(port)]
        process.environment = CLIRunner.environment(environment)
        process.standardError = standardError
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Up to 60 s: with the whole suite running, loading the models can take a while on 2 cores.
        for _ in 0..<1200 {
            if (try? curl(["-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(port)/health/ready"])) == "200" {
                return process
            }
            guard process.isRunning else { throw FixtureError("the server exited with status \(process.terminationStatus)") }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        throw FixtureError("the server did not become ready within 60 s")
    }

    /// Starts curl and returns at once; read `output` and wait for `process` later.
    static func launchCurl(_ arguments: [String]) throws -> (process: Process, output: Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        return (process, output)
    }

    @discardableResult
    static func curl(_ arguments: [String]) throws -> String {
        let (process, output) = try launchCurl(arguments)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The value of a metric line, e.g. `liveness_workers_busy`.
    static func metric(_ text: String, _ series: String) -> Int {
        text.split(separator: "\n").first { $0.hasPrefix(series + " ") }
            .flatMap { Double($0.split(separator: " ").last!) }.map { Int($0) } ?? 0
    }

    @Test("SIGTERM lets in-flight requests finish, then the process exits 0")
    func gracefulShutdown() async throws {
        // Each request decodes a 12-megapixel PNG (tens of milliseconds on one worker), so a backlog
        // forms even when the uploads reach the server slowly on a loaded machine.
        let png = try DecodedImage.uniform(width: 4000, height: 3000, grey: 90).encoded(as: "png")
        try await onThread {
            let port = FreePort.next()
            let count = 32
            let server = try Self.start(port: port, environment: ["MAX_WORKERS": "1", "MAX_QUEUE": "100"])
            let body = try TemporaryFolder()
            defer { body.remove() }
            let bodyFile = "\(body.path)/body.json"
            try Data(#"{"image":"\#(Data(png).base64EncodedString())"}"#.utf8).write(to: URL(fileURLWithPath: bodyFile))
            // Start every upload at once (separate curl processes), without blocking on any of them.
            let uploads = try (0..<count).map { _ in
                try Self.launchCurl([
                    "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Content-Type: application/json",
                    "--data-binary", "@\(bodyFile)", "http://127.0.0.1:\(port)/liveness",
                ])
            }
            // Stop the server as soon as a backlog has formed on its single worker. Every request it had
            // received by then (answered, running or queued) must still be answered (422 no_face: the
            // picture is blank); uploads that had not reached it yet may be refused, but nothing may fail
            // half-way.
            var inFlight = 0
            var received = 0
            for _ in 0..<4000 {
                let text = try Self.curl(["-s", "http://127.0.0.1:\(port)/metrics"])
                let done = Self.metric(text, #"liveness_requests_total{method="POST",endpoint="/liveness",status="422"}"#)
                inFlight = Self.metric(text, "liveness_workers_busy") + Self.metric(text, "liveness_worker_queue_depth")
                received = done + inFlight
                if inFlight >= 2 || done >= count { break }
                Thread.sleep(forTimeInterval: 0.002)
            }
            kill(server.processIdentifier, SIGTERM)
            let codes = uploads.map { upload in
                let data = upload.output.fileHandleForReading.readDataToEndOfFile()
                upload.process.waitUntilExit()
                return String(decoding: data, as: UTF8.self)
            }
            server.waitUntilExit()
            #expect(inFlight >= 2, "no backlog had formed when SIGTERM arrived")
            #expect(codes.count == count)
            #expect(codes.filter { $0 == "422" }.count >= received, "\(received) received, answers \(codes)")
            #expect(codes.allSatisfy { $0 == "422" || $0 == "000" }, "\(codes)")
            #expect(server.terminationStatus == 0)
        }
    }

    @Test("After SIGTERM, /health/ready answers 503 for SHUTDOWN_DRAIN_SECONDS while requests are still served")
    func drain() async throws {
        try await onThread {
            let port = FreePort.next()
            let server = try Self.start(port: port, environment: ["SHUTDOWN_DRAIN_SECONDS": "4"])
            kill(server.processIdentifier, SIGTERM)
            var ready = ""
            for _ in 0..<40 {
                ready = try Self.curl(["-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(port)/health/ready"])
                if ready == "503" { break }
                Thread.sleep(forTimeInterval: 0.05)
            }
            let health = try Self.curl(["-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(port)/health"])
            server.waitUntilExit()
            #expect(ready == "503")
            #expect(health == "200")
            #expect(server.terminationStatus == 0)
        }
    }

    @Test("With LOG_FORMAT=json, libjpeg's warnings arrive as JSON log lines and are counted")
    func nativeMessages() async throws {
        try await onThread {
            try withTemporaryFolder { folder in
                let port = FreePort.next()
                let logPath = "\(folder)/stderr.log"
                FileManager.default.createFile(atPath: logPath, contents: nil)
                let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
                let server = try Self.start(port: port, environment: ["LOG_FORMAT": "json", "SHUTDOWN_DRAIN_SECONDS": "0"], standardError: log)
                // Three stray bytes before EOI: libjpeg prints "Corrupt JPEG data: ... extraneous bytes".
                var jpeg = try Fixtures.bytes(Fixtures.image("image_T1.jpg"))
                jpeg.insert(contentsOf: [0, 0, 0], at: jpeg.count - 2)
                let bodyFile = "\(folder)/body.json"
                try Data(#"{"image":"\#(Data(jpeg).base64EncodedString())"}"#.utf8).write(to: URL(fileURLWithPath: bodyFile))
                let status = try Self.curl([
                    "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Content-Type: application/json", "--data-binary", "@\(bodyFile)",
                    "http://127.0.0.1:\(port)/liveness",
                ])
                Thread.sleep(forTimeInterval: 0.5)
                let metrics = try Self.curl(["-s", "http://127.0.0.1:\(port)/metrics"])
                kill(server.processIdentifier, SIGTERM)
                server.waitUntilExit()
                try log.close()
                let lines = try String(contentsOfFile: logPath, encoding: .utf8).split(separator: "\n")
                #expect(status == "200")
                #expect(Self.metric(metrics, "liveness_native_messages_total") >= 1)
                #expect(!lines.isEmpty)
                for line in lines {
                    #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "not JSON: \(line.prefix(200))")
                }
                #expect(lines.contains { $0.contains("native library message") && $0.contains("Corrupt JPEG data") })
            }
        }
    }

    @Test("Past MAX_CONNECTIONS a new connection waits until one closes")
    func connectionCap() async throws {
        try await onThread {
            let port = FreePort.next()
            let server = try Self.start(port: port, environment: ["MAX_CONNECTIONS": "1", "SHUTDOWN_DRAIN_SECONDS": "0"])
            defer {
                kill(server.processIdentifier, SIGTERM)
                server.waitUntilExit()
            }
            // The first connection (s) sits idle; the second (t) is served only once s closes.
            let script = """
                import socket, time
                s = socket.create_connection(('127.0.0.1', \(port)))
                time.sleep(0.5)
                t = socket.create_connection(('127.0.0.1', \(port)))
                t.sendall(b'GET /health HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n')
                t.settimeout(1.5)
                try:
                    early = t.recv(100)
                except socket.timeout:
                    early = b''
                s.close()
                t.settimeout(5)
                print('early=%d late=%s' % (len(early), t.recv(100).split(b'\\r\\n')[0].decode()))
                """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = ["-c", script]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(text.hasPrefix("early=0 late=HTTP/1.1 200 OK"), "\(text)")
        }
    }

    @Test("A corrupt model stops startup with exit status 2")
    func corruptModel() async throws {
        try await onThread {
            try withTemporaryFolder { folder in
                for name in [
                    "deploy.prototxt", "Widerface-RetinaFace.caffemodel", "Widerface-RetinaFace.onnx", "2.7_80x80_MiniFASNetV2.onnx",
                ] {
                    try FileManager.default.copyItem(atPath: "\(Fixtures.models)/\(name)", toPath: "\(folder)/\(name)")
                }
                try Data("not a model".utf8).write(to: URL(fileURLWithPath: "\(folder)/4_0_0_80x80_MiniFASNetV1SE.onnx"))
                let output = try CLIRunner.run(["serve", "--port", String(FreePort.next())], environment: ["MODEL_DIR": folder])
                #expect(output.status == 2)
                #expect(output.stderr.contains("4_0_0_80x80_MiniFASNetV1SE.onnx"))
            }
        }
    }

    @Test("Every setting but the secrets is a serve flag: --help lists them, values are checked, secrets and unknown flags refused")
    func settingFlags() async throws {
        let help = try await onThread { try CLIRunner.run(["serve", "--help"]) }
        for flag in ["--max-queue", "--rate-limit-per-minute", "--trusted-proxies", "--engine", "--result-token-ttl-seconds"] {
            #expect(help.stdout.contains(flag), "\(flag)")
        }
        #expect(help.stdout.contains("API_KEY") && !help.stdout.contains("--api-key"))
        let secret = try await onThread { try CLIRunner.run(["serve", "--api-key", "hunter2"]) }
        #expect(secret.status == 64 && secret.stderr.contains("API_KEY is a secret"))
        let unknown = try await onThread { try CLIRunner.run(["serve", "--max-qeue", "3"]) }
        #expect(unknown.status == 64 && unknown.stderr.contains("--max-qeue"))
        // A flag overrides the variable, and is checked like it.
        let range = try await onThread {
            try CLIRunner.run(["serve", "--max-queue=0", "--port", String(FreePort.next())], environment: ["MAX_QUEUE": "5"])
        }
        #expect(range.status == 2 && range.stderr.contains("MAX_QUEUE: 0 is outside 1–100000"))
        // A host that does not resolve once exited 1 after loading the models, its error logged as a warning.
        let host = try await onThread { try CLIRunner.run(["serve", "--host", "999.1.1.1", "--port", String(FreePort.next())]) }
        #expect(host.status == 2 && host.stderr.contains("invalid configuration HOST"), "\(host.stderr.suffix(300))")
        // Blank keys once started the service without authentication (issue 22).
        for (variable, value) in [("API_KEY", "   "), ("API_KEYS", ",")] {
            let blank = try await onThread { try CLIRunner.run(["serve", "--port", String(FreePort.next())], environment: [variable: value]) }
            #expect(blank.status == 2 && blank.stderr.contains("invalid configuration \(variable): is set but"), "\(variable)")
        }
    }
}
