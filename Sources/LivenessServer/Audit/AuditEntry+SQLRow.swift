import Foundation
import SQLKit

extension AuditEntry {
    /// An entry read from a `liveness_audit` row.
    init(row: any SQLRow) throws {
        let reasons = try row.decode(column: "reasons", as: String.self)
        self.init(
            requestID: try row.decode(column: "request_id", as: String.self),
            time: Date(milliseconds: try row.decode(column: "at_ms", as: Int.self)),
            endpoint: try row.decode(column: "endpoint", as: String.self),
            apiKeyID: try row.decode(column: "api_key_id", as: String?.self),
            status: try row.decode(column: "status", as: Int.self),
            outcome: try row.decode(column: "outcome", as: String.self),
            score: try row.decode(column: "score", as: Double?.self),
            reasons: reasons.isEmpty ? [] : reasons.split(separator: ",").map(String.init),
            latencyMs: try row.decode(column: "latency_ms", as: Double.self),
            modelVersion: try row.decode(column: "model_version", as: String?.self),
            challengeID: try row.decode(column: "challenge_id", as: String?.self))
        id = try row.decode(column: "id", as: String.self)
    }
}
