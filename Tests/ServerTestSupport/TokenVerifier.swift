import Foundation
import Testing
import TestSupport

/// Verifies result tokens with an independent JOSE implementation: PyJWT with cryptography, from PyPI in
/// `.venv` (scripts/setup).
public enum TokenVerifier {
    /// Runs `Tests/tokens/verify_token.py` (PyJWT with cryptography, from PyPI) on `token` against `jwks`.
    public static func verify(_ token: String, jwks: [UInt8], audience: String = "public") async throws -> (ok: Bool, output: String) {
        try await onThread {
            try withTemporaryFolder { folder in
                try Data(jwks).write(to: URL(fileURLWithPath: "\(folder)/jwks.json"))
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "\(Fixtures.packageRoot)/.venv/bin/python")
                process.arguments = ["\(Fixtures.packageRoot)/Tests/tokens/verify_token.py", "\(folder)/jwks.json", token, audience]
                let output = Pipe()
                process.standardOutput = output
                try process.run()
                let data = output.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                return (process.terminationStatus == 0, String(decoding: data, as: UTF8.self))
            }
        }
    }

    public static func claims(_ output: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }
}
