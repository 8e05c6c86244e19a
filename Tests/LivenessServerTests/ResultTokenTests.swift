import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LivenessServer
import LivenessWire
import ServerTestSupport
import Testing
import TestSupport

/// Signed results: every decision carries a `result_token` that PyJWT verifies against the served JWKS;
/// a changed claim, an expired token and a token from another key do not verify.
@Suite("Result tokens")
struct ResultTokenTests {
    /// The token with its payload changed by `change` (the signature kept).
    static func tampered(_ token: String, _ change: (inout [String: Any]) -> Void) throws -> String {
        var parts = token.split(separator: ".").map(String.init)
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        let data = try #require(Data(base64Encoded: base64))
        var payload = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        change(&payload)
        parts[1] = try JSONSerialization.data(withJSONObject: payload).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return parts.joined(separator: ".")
    }

    @Test("POST /liveness: the token verifies with PyJWT against the served JWKS; tampering, expiry and another key fail")
    func liveness() async throws {
        let app = try await TestApp.make()
        try await app.test(.router) { client in
            let jwks = try await client.execute(uri: "/.well-known/jwks.json", method: .get)
            #expect(jwks.status == .ok)
            let keys = try #require(jwks.object["keys"] as? [[String: Any]])
            #expect(keys.count == 1 && keys[0]["alg"] as? String == "ES256" && keys[0]["crv"] as? String == "P-256")
            #expect(keys[0]["d"] == nil, "no private part is published")
            let jwksBytes = [UInt8](Data(buffer: jwks.body))

            let image = try Fixtures.bytes(Fixtures.image("image_T1.jpg"))
            let answer = try await client.execute(
                uri: "/liveness", method: .post, headers: TestApp.jsonHeaders, body: try TestApp.body(file: "image_T1.jpg"))
            let body = try answer.liveness
            let token = try #require(body.resultToken)
            let verified = try await TokenVerifier.verify(token, jwks: jwksBytes)
            #expect(verified.ok, "\(verified.output)")
            let claims = try TokenVerifier.claims(verified.output)
            #expect(claims["kind"] as? String == "liveness")
            #expect(claims["decision"] as? String == "real")
            #expect(claims["requires_active_check"] as? Bool == false)
            #expect(claims["score"] as? Double == body.confidenceScore)
            let digest = try await onThread { try sha256Hex(image) }
            #expect(claims["media_sha256"] as? String == digest)
            #expect(claims["request_id"] as? String == body.requestId)
            #expect(claims["model_version"] as? String == body.modelVersion)
            #expect(claims["aud"] as? String == "public" && claims["iss"] as? String == "liveness")
            let lifetime = (claims["exp"] as? Double ?? 0) - (claims["iat"] as? Double ?? 0)
            #expect(lifetime == 600)

            let forged = try Self.tampered(token) { $0["decision"] = "fake" }
            #expect(!(try await TokenVerifier.verify(forged, jwks: jwksBytes)).ok, "a changed claim must not verify")
            #expect(!(try await TokenVerifier.verify(token, jwks: jwksBytes, audience: "another-key")).ok, "another audience")

            let past = Date().addingTimeInterval(-700)
            let expired = try await ResultSigner.ephemeral(now: { past })
            let old = try await expired.sign(
                kind: "liveness", decision: "real", score: 1, reasons: [], challengeID: nil, requestID: "r", media: nil,
                modelVersion: "m", audience: nil)
            let expiredJWKS = try JSONEncoder().encode(expired.jwks)
            let outcome = try await TokenVerifier.verify(old, jwks: [UInt8](expiredJWKS))
            #expect(!outcome.ok && outcome.output.contains("Expired"), "\(outcome.output)")

            let other = try await ResultSigner.ephemeral()
            let foreign = try await other.sign(
                kind: "liveness", decision: "real", score: 1, reasons: [], challengeID: nil, requestID: "r", media: nil,
                modelVersion: "m", audience: nil)
            #expect(!(try await TokenVerifier.verify(foreign, jwks: jwksBytes)).ok, "a token from another key must not verify")
        }
    }

    @Test("Tokens carry whole-second iat and exp, and low-S signatures that PyJWT verifies (third probe)")
    func integerTimesAndLowS() async throws {
        let second = Int(Date().timeIntervalSince1970)
        let signer = try await ResultSigner.ephemeral(now: { Date(timeIntervalSince1970: Double(second) + 0.734) })
        let jwks = try JSONEncoder().encode(signer.jwks)
        // n/2 of P-256, big-endian: s must not exceed it. Half of 64 random signatures would, unnormalised.
        let half: [UInt8] = [
            0x7F, 0xFF, 0xFF, 0xFF, 0x80, 0x00, 0x00, 0x00, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            0xDE, 0x73, 0x7D, 0x56, 0xD3, 0x8B, 0xCF, 0x42, 0x79, 0xDC, 0xE5, 0x61, 0x7E, 0x31, 0x92, 0xA8,
        ]
        var verified = 0
        for index in 0..<64 {
            let token = try await signer.sign(
                kind: "liveness", decision: "real", score: 0.9, reasons: [], challengeID: nil, requestID: "r\(index)", media: nil,
                modelVersion: "m", audience: nil)
            let parts = token.split(separator: ".").map(String.init)
            let payload = String(decoding: try #require(Self.base64URL(parts[1])), as: UTF8.self)
            let iat = #""iat":\#(second)"#, exp = #""exp":\#(second + 600)"#
            #expect([",", "}"].contains { payload.contains(iat + $0) } && [",", "}"].contains { payload.contains(exp + $0) }, "\(payload)")
            let signature = try #require(Self.base64URL(parts[2]))
            #expect(signature.count == 64 && !half.lexicographicallyPrecedes(signature[32...]), "high S in token \(index)")
            if index < 3 {
                let result = try await TokenVerifier.verify(token, jwks: [UInt8](jwks))
                if result.ok { verified += 1 }
            }
        }
        #expect(verified == 3)
    }

    static func base64URL(_ text: String) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map(Array.init)
    }

    @Test("A key from RESULT_SIGNING_KEY_FILE signs; a previous key stays in the JWKS; replicas without a key are refused")
    func keys() async throws {
        try await withTemporaryFolder { folder in
            let first = try await ResultSigner.load(
                ResultTokenConfiguration(), database: .sqlite(path: "\(folder)/liveness.sqlite"), logger: .init(label: "test"))
            let generated = "\(folder)/\(ResultTokenConfiguration.generatedKeyName)"
            let mode = try FileManager.default.attributesOfItem(atPath: generated)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            // The same key on the next start.
            let again = try await ResultSigner.load(
                ResultTokenConfiguration(), database: .sqlite(path: "\(folder)/liveness.sqlite"), logger: .init(label: "test"))
            #expect(again.jwks == first.jwks)

            var rotated = ResultTokenConfiguration()
            let next = "\(folder)/next.pem"
            try await onThread { try SigningKey.write(to: next) }
            rotated.keyFile = next
            rotated.previousKeyFiles = [generated]
            let signer = try await ResultSigner.load(rotated, database: .postgres(url: "postgres://x@localhost/db"), logger: .init(label: "test"))
            #expect(signer.jwks.keys.count == 2 && signer.jwks.keys[1] == first.jwks.keys[0] && signer.jwks.keys[0] != first.jwks.keys[0])

            await #expect(throws: ResultSignerError.self) {
                _ = try await ResultSigner.load(
                    ResultTokenConfiguration(), database: .postgres(url: "postgres://x@localhost/db"), logger: .init(label: "test"))
            }
        }
    }
}
