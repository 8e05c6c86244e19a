import Foundation
import LivenessWire
import Testing
import TestSupport

/// `liveness check --json` and `POST /liveness` write the same body for the same image, by construction (both
/// map the result onto the spec's generated type and encode it with ``WireJSON``); this checks it end to end.
@Suite("CLI and HTTP bodies", .serialized)
struct WireIdentityTests {
    /// Real, fake, a refused input and an undecodable one.
    static let images = ["image_T1.jpg", "image_F1.jpg", "no_face.png", "not_an_image.txt"]

    @Test("check --json prints the body POST /liveness answers, less the server's request id, fallback and token")
    func sameBodies() async throws {
        let paths = Self.images.map(Fixtures.image)
        let cli = try await onThread { try CLIRunner.run(["check", "--json"] + paths) }
        let lines = cli.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == paths.count, "\(cli.stderr)")
        let port = FreePort.next()
        let server = try await onThread { try ServeCommandTests.start(port: port) }
        defer { server.terminate() }
        let decoder = WireJSON.decoder()
        for (path, line) in zip(paths, lines) {
            let http = try await withTemporaryFolder { folder in
                let body = "\(folder)/body.json"
                let base64 = Data(try Fixtures.bytes(path)).base64EncodedString()
                try Data(#"{"image":"\#(base64)"}"#.utf8).write(to: URL(fileURLWithPath: body))
                return try await onThread {
                    try ServeCommandTests.curl([
                        "-s", "-H", "Content-Type: application/json", "--data-binary", "@\(body)",
                        "http://127.0.0.1:\(port)/liveness",
                    ])
                }
            }
            if var served = try? decoder.decode(Components.Schemas.LivenessResponse.self, from: Data(http.utf8)) {
                let printed = try decoder.decode(Components.Schemas.LivenessResponse.self, from: Data(line.utf8))
                #expect(!printed.requestId.isEmpty && printed.fallback == nil && printed.resultToken == nil)
                served.requestId = printed.requestId
                served.fallback = nil
                served.resultToken = nil
                #expect(served == printed, "\(path)")
                // Byte for byte: the same encoder writes both.
                #expect(WireJSON.line(served) == line, "\(path)")
            } else {
                let served = try decoder.decode(Components.Schemas.ErrorResponse.self, from: Data(http.utf8))
                #expect(http == line, "\(path)")
                #expect(served.error.code == .noFace || served.error.code == .invalidImage, "\(path)")
            }
        }
    }
}
