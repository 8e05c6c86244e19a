import Foundation
import Logging
import ServiceLifecycle

/// Writes the audit queue every second, deletes entries past `AUDIT_RETENTION_DAYS` every hour (and at
/// startup), and flushes once more at shutdown, after the HTTP server has drained.
struct AuditService: Service {
    let audit: AuditLog
    let logger: Logger
    var flushInterval: Duration = .seconds(1)
    var purgeInterval: Duration = .seconds(3600)

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            let clock = ContinuousClock()
            var nextPurge = clock.now
            while !Task.isCancelled {
                await flush()
                if clock.now >= nextPurge {
                    nextPurge = clock.now.advanced(by: purgeInterval)
                    do {
                        let purged = try await audit.purge(now: Date())
                        if purged > 0 { logger.info("purged old audit entries", metadata: ["count": "\(purged)"]) }
                    } catch {
                        logger.warning("purging the audit log failed", metadata: ["error": "\(Database.describe(error))"])
                    }
                }
                try await Task.sleep(for: flushInterval)
            }
        }
        await flush()
    }

    private func flush() async {
        do {
            try await audit.flush()
        } catch {
            logger.warning(
                "writing the audit log failed; entries stay queued",
                metadata: ["error": "\(Database.describe(error))", "queued": "\(audit.pendingCount)", "dropped": "\(audit.dropped)"])
        }
    }
}
