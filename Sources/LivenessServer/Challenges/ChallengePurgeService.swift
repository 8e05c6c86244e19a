import Logging
import ServiceLifecycle

/// Deletes expired challenges and fingerprints past `REPLAY_WINDOW_HOURS` once a minute until shutdown.
struct ChallengePurgeService: Service {
    let challenges: ChallengeService
    let logger: Logger
    var interval: Duration = .seconds(60)

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                do {
                    let purged = try await challenges.purge()
                    if purged.challenges + purged.fingerprints > 0 {
                        logger.debug(
                            "purged expired challenges and fingerprints",
                            metadata: ["challenges": "\(purged.challenges)", "fingerprints": "\(purged.fingerprints)"])
                    }
                } catch {
                    logger.warning("purging expired challenges failed", metadata: ["error.type": "\(type(of: error))"])
                }
            }
        }
    }
}
