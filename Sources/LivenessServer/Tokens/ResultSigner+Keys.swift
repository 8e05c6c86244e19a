import Foundation
import JWTKit
import LivenessCore
import Logging

extension ResultSigner {
    /// The signer the settings describe.
    ///
    /// - `RESULT_SIGNING_KEY_FILE` set: that key.
    /// - Otherwise, with PostgreSQL (replicas): refused, since each replica would sign with its own key.
    /// - Otherwise, with a SQLite file: the key in `result-signing-key.pem` beside it, generated (mode 0600)
    ///   on first start; with in-memory SQLite: a key for this process only.
    public static func load(
        _ configuration: ResultTokenConfiguration, database: DatabaseLocation, logger: Logger
    ) async throws -> ResultSigner {
        let previous = try configuration.previousKeyFiles.map { path in try publicKey(fromFile: path) }
        if let file = configuration.keyFile {
            let key = try privateKey(fromFile: file)
            logger.info("result tokens signed with the configured key", metadata: ["key_file": "\(file)"])
            return try await ResultSigner(key: key, previous: previous, configuration: configuration)
        }
        switch database {
        case .postgres:
            throw ResultSignerError(
                "RESULT_SIGNING_KEY_FILE is required with a PostgreSQL DATABASE_URL: replicas must sign with one shared key")
        case .sqlite(let path) where path == ":memory:":
            logger.warning("result tokens signed with a key for this process only (in-memory database, no RESULT_SIGNING_KEY_FILE)")
            return try await ResultSigner(key: ES256PrivateKey(), previous: previous, configuration: configuration)
        case .sqlite(let path):
            let file = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(ResultTokenConfiguration.generatedKeyName)
            if FileManager.default.fileExists(atPath: file) {
                logger.info("result tokens signed with the key in the data folder", metadata: ["key_file": "\(file)"])
                return try await ResultSigner(key: try privateKey(fromFile: file), previous: previous, configuration: configuration)
            }
            let key = ES256PrivateKey()
            try writePrivate(key.pemRepresentation, to: file)
            logger.notice(
                "generated a result-signing key (set RESULT_SIGNING_KEY_FILE to choose one; replicas must share it)",
                metadata: ["key_file": "\(file)"])
            return try await ResultSigner(key: key, previous: previous, configuration: configuration)
        }
    }

    static func privateKey(fromFile path: String) throws -> ES256PrivateKey {
        guard let pem = FileManager.default.contents(atPath: path) else {
            throw ResultSignerError("cannot read the signing key file \(path)")
        }
        do {
            return try ES256PrivateKey(pem: pem)
        } catch {
            throw ResultSignerError("\(path) is not a PEM P-256 private key")
        }
    }

    static func publicKey(fromFile path: String) throws -> ES256PublicKey {
        guard let pem = FileManager.default.contents(atPath: path) else {
            throw ResultSignerError("cannot read the previous key file \(path)")
        }
        if let key = try? ES256PublicKey(pem: pem) { return key }
        if let key = try? ES256PrivateKey(pem: pem) { return key.publicKey }
        throw ResultSignerError("\(path) is not a PEM P-256 key")
    }

    /// Creates `path` with mode 0600 (never over an existing file) and writes `text`.
    static func writePrivate(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw ResultSignerError("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count else { throw ResultSignerError("cannot write \(path)") }
    }
}
