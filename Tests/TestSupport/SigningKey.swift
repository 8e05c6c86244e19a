import Foundation

/// P-256 private keys in PEM, made with openssl as an operator would make one (`RESULT_SIGNING_KEY_FILE`).
public enum SigningKey {
    public static func write(to path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw FixtureError("openssl could not make a key") }
    }
}
