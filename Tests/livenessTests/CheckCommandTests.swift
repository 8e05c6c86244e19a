import Foundation
import LivenessCore
import Testing
import TestSupport

/// `liveness check` end to end: JSON bodies, exit codes, annotation, startup failures.
@Suite("liveness check")
struct CheckCommandTests {
    static func expected(_ stem: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(CLIRunner.testdata)/expected/\(stem).json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func object(_ line: Substring) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test("--json prints each fixture's service outcome and exits 1 when any input is bad")
    func allFixtures() async throws {
        let folder = "\(CLIRunner.testdata)/images"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        let output = try await onThread { try CLIRunner.run(["check", "--json"] + files.map { "\(folder)/\($0)" }) }
        #expect(output.status == 1)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == files.count)
        for (file, line) in zip(files, lines) {
            let stem = (file as NSString).deletingPathExtension
            let service = try #require(try Self.expected(stem)["service"] as? [String: Any])
            let body = try Self.object(line)
            if service["status"] as? String == "ok" {
                #expect(body["liveness_label"] as? String == service["liveness_label"] as? String, "\(file)")
                #expect(Golden.sameScore(body["confidence_score"] as? Double, service["confidence_score"] as? Double), "\(file)")
                #expect(body["requires_active_check"] as? Bool == service["requires_active_check"] as? Bool, "\(file)")
                let face = try #require(body["face"] as? [String: Any])
                #expect(Set(face.keys) == ["x", "y", "width", "height", "confidence"])
                #expect(body["face_count"] is Int && body["real_probability"] is Double && body["reasons"] is [Any])
            } else {
                let error = try #require(body["error"] as? [String: Any], "\(file)")
                let code = error["code"] as? String
                let allowed = file == "truncated_half.jpg" ? ["no_face", "invalid_image"] : [service["error"] as? String]
                #expect(allowed.contains(code), "\(file): \(line)")
                #expect((error["message"] as? String)?.isEmpty == false)
            }
        }
    }

    @Test("Only good images: exit 0; --annotate writes a JPEG of the decoded size")
    func annotate() async throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("liveness-\(UUID().uuidString).jpg").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let output = try await onThread { try CLIRunner.run(["check", "--annotate", out, "\(CLIRunner.testdata)/images/image_F1.jpg"]) }
        #expect(output.status == 0)
        #expect(output.stdout.contains("image_F1.jpg: fake score 0.7316"))
        let jpeg = try #require(FileManager.default.contents(atPath: out))
        #expect(try ImageHeader.read([UInt8](jpeg)) == ImageHeader(format: .jpeg, width: 480, height: 640))
    }

    @Test("Missing models: exit 2 with the file and the fix named")
    func missingModels() async throws {
        let output = try await onThread {
            try CLIRunner.run(
                ["check", "\(CLIRunner.testdata)/images/image_T1.jpg"], environment: ["MODEL_DIR": "/nonexistent/models"])
        }
        #expect(output.status == 2)
        #expect(output.stderr.contains("/nonexistent/models/deploy.prototxt"))
        #expect(output.stderr.contains("scripts/fetch-models"))
    }

    @Test("A bad CONFIDENCE_THRESHOLD is refused with the variable named")
    func badThreshold() async throws {
        let output = try await onThread {
            try CLIRunner.run(
                ["check", "\(CLIRunner.testdata)/images/image_T1.jpg"], environment: ["CONFIDENCE_THRESHOLD": "high"])
        }
        #expect(output.status == 2)
        #expect(output.stderr.contains("CONFIDENCE_THRESHOLD"))
    }

    @Test("The --confidence-threshold flag overrides the environment")
    func flagOverridesEnvironment() async throws {
        let image = "\(CLIRunner.testdata)/images/image_F2.jpg"
        let output = try await onThread {
            try CLIRunner.run(
                ["check", "--json", "--confidence-threshold", "0.8", image], environment: ["CONFIDENCE_THRESHOLD": "0.99"])
        }
        #expect(output.status == 0)
        // F2 scores 0.817: above 0.8, so no active check is required with the flag's threshold.
        #expect(try Self.object(output.stdout.split(separator: "\n")[0])["requires_active_check"] as? Bool == false)
    }
}
