import Logging
import ServiceLifecycle

/// Deletes expired challenges once a minute until shutdown.
struct ChallengePurgeService: Service {
    let challenges: ChallengeService
    let logger: Logger
    var interval: Duration = .seconds(60)

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                do {
                    let purged = try await challenges.store.purgeExpired(now: challenges.now())
                    if purged > 0 { logger.debug("purged expired challenges", metadata: ["count": "\(purged)"]) }
                } catch {
                    logger.warning("purging expired challenges failed", metadata: ["error.type": "\(type(of: error))"])
                }
            }
        }
    }
}
