import Foundation
import OpenAPIRuntime
import LivenessWire

extension LivenessAPI {
    /// `GET /audit?from=&to=&limit=`: audit entries, oldest first (``OperationPolicyMiddleware`` has checked the admin key).
    func listAuditEntries(_ input: Operations.ListAuditEntries.Input) async throws -> Operations.ListAuditEntries.Output {
        guard let audit else { throw APIError.notFound("the audit log is off (AUDIT_ENABLED=false)") }
        let limit = input.query.limit ?? 100
        guard (1...1000).contains(limit) else { throw APIError.invalidRequest("limit must be between 1 and 1000") }
        if let from = input.query.from, let to = input.query.to, from >= to {
            throw APIError.invalidRequest("from must be earlier than to")
        }
        // One more than asked tells whether the window holds more.
        let entries = try await audit.entries(from: input.query.from, to: input.query.to, limit: limit + 1)
        let page = entries.prefix(limit).map { entry in
            Components.Schemas.AuditEntry(
                id: entry.id, requestId: entry.requestID, time: entry.time, endpoint: entry.endpoint, apiKeyId: entry.apiKeyID,
                status: entry.status, outcome: entry.outcome, score: entry.score, reasons: entry.reasons,
                latencyMs: entry.latencyMs, modelVersion: entry.modelVersion, challengeId: entry.challengeID)
        }
        return .ok(
            .init(
                headers: .init(xRequestID: RequestScope.requestID),
                body: .json(.init(entries: Array(page), truncated: entries.count > limit))))
    }
}
