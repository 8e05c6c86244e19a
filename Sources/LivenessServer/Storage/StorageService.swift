import Logging
import ServiceLifecycle

/// Keeps the database open while the service runs and closes it at shutdown. Listed first among the
/// application's services, it is the last to stop: after the HTTP server has drained and the audit log
/// has been flushed.
struct StorageService: Service {
    let storage: Storage
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        await storage.database.close()
        logger.info("database closed", metadata: ["database": "\(storage.database.location)"])
    }
}
