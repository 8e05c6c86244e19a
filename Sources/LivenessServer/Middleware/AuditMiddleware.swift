import Foundation
import Hummingbird

/// Records one ``AuditEntry`` per request to an operation whose policy says `audited`, whatever the outcome
/// (401s and 4xx included). Sits outside ``ErrorMiddleware`` so that it sees every answer as a status; the inner
/// layers fill in the ``RequestNote`` of the request.
///
/// Configuration keys: `AUDIT_ENABLED` (through ``StorageConfiguration``).
struct AuditMiddleware<Context: RequestContext>: RouterMiddleware {
    let audit: AuditLog
    let state: ServiceState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let time = Date()
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await next(request, context)
        guard let note = RequestScope.note else { return response }
        let fields = note.fields
        guard let operation = fields.operation, operation.policy.audited else { return response }
        audit.record(
            AuditEntry(
                requestID: RequestScope.requestID, time: time, endpoint: operation.path, apiKeyID: fields.apiKeyID,
                status: Int(response.status.code), outcome: fields.outcome ?? "status_\(response.status.code)",
                score: fields.score, reasons: fields.reasons, latencyMs: ((clock.now - start).seconds * 1_000_000).rounded() / 1000,
                modelVersion: state.engine?.modelVersion, challengeID: fields.challengeID))
        return response
    }
}
