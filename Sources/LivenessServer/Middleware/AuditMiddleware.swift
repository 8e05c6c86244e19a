import Foundation
import Hummingbird

/// Records one ``AuditEntry`` per `POST /liveness` and `POST /active/blink`, whatever the outcome (401s
/// and 4xx included). Sits outside ``ErrorMiddleware`` so that it sees every answer as a status; the inner
/// layers fill in the ``AuditNote`` it hands them through ``RequestScope/audit``.
///
/// Configuration keys: `AUDIT_ENABLED` (through ``StorageConfiguration``).
struct AuditMiddleware<Context: RequestContext>: RouterMiddleware {
    static var auditedPaths: Set<String> { ["/liveness", "/active/blink"] }
    let audit: AuditLog
    let state: ServiceState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard request.method == .post, Self.auditedPaths.contains(path) else { return try await next(request, context) }
        let note = AuditNote()
        let time = Date()
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await RequestScope.$audit.withValue(note) { try await next(request, context) }
        let fields = note.fields
        audit.record(
            AuditEntry(
                requestID: RequestScope.requestID, time: time, endpoint: path, apiKeyID: fields.apiKeyID,
                status: Int(response.status.code), outcome: fields.outcome ?? "status_\(response.status.code)",
                score: fields.score, reasons: fields.reasons, latencyMs: ((clock.now - start).seconds * 1_000_000).rounded() / 1000,
                modelVersion: state.checker?.modelVersion, challengeID: fields.challengeID))
        return response
    }
}
