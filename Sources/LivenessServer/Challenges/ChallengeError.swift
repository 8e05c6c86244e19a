/// Why a challenge cannot be attempted.
public struct ChallengeError: Error, Hashable, Sendable {
    private enum Code: Hashable, Sendable {
        case notFound
        case expired
        case used
        case inProgress
        case forbidden
        case liveOnly
    }

    private let code: Code

    private init(_ code: Code) { self.code = code }

    /// No such challenge (404).
    public static let notFound = ChallengeError(.notFound)
    /// Past its expiry (410).
    public static let expired = ChallengeError(.expired)
    /// Already passed, out of attempts, or an attempt is running (409).
    public static let used = ChallengeError(.used)
    /// Another upload's analysis holds it (409 with `Retry-After`).
    public static let inProgress = ChallengeError(.inProgress)
    /// Created with another API key (403).
    public static let forbidden = ChallengeError(.forbidden)
    /// A live challenge, uploaded to (409 `challenge_mode`).
    public static let liveOnly = ChallengeError(.liveOnly)

    /// The HTTP answer.
    var apiError: APIError {
        switch code {
        case .notFound: .challengeNotFound
        case .expired: .challengeExpired
        case .used: .challengeUsed
        case .inProgress: .challengeInProgress(lease: SQLChallengeStore.attemptLease)
        case .forbidden: .challengeForbidden
        case .liveOnly: .challengeLiveOnly
        }
    }
}
