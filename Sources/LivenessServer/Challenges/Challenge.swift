import Foundation
import LivenessCore

/// A challenge issued by `POST /liveness`: bound to the attempt and the API key, single-use, with a deadline
/// and a number of attempts. An action challenge also holds its actions, cue times and slots.
public struct Challenge: Hashable, Sendable {
    /// 128 random bits as 32 hex digits.
    public var id: String
    public var createdAt: Date
    public var expiresAt: Date
    /// The passive result that asked for the challenge.
    public var passiveLabel: String
    public var passiveScore: Double
    /// The passive result's reasons (why the challenge was asked for).
    public var passiveReasons: [String] = []
    public var attemptsLeft: Int
    /// The id (hash prefix) of the API key that created it, or nil without authentication.
    public var apiKeyID: String?
    public var state: State
    /// When it was passed or ran out of attempts.
    public var completedAt: Date?
    /// The verdict and reasons of the last judged video.
    public var lastAttempt: Attempt?
    /// The selfie's face, which the video must show (nil: not bound, because the face-recognition model is
    /// not installed). Biometric data: cleared when the challenge is passed or fails for good, deleted with the
    /// row when it expires; never logged, audited or returned.
    public var reference: FaceReference?
    /// Whether it was bound to the selfie's face when issued (``reference`` is cleared when it ends; this stays).
    /// False only with `ALLOW_UNBOUND_CHALLENGES` while the face-recognition model is missing.
    public var faceBound: Bool
    /// The ordered actions and their slots (nil: a blink or live challenge).
    public var actions: ActionChallenge?
    /// What the challenge asks for.
    public var type: ChallengeType

    /// A judged video.
    public struct Attempt: Hashable, Sendable {
        public var passed: Bool
        public var reasons: [String]
        /// The same-face check, for a bound challenge.
        public var faceMatch: FaceMatch?

        public init(passed: Bool, reasons: [String], faceMatch: FaceMatch? = nil) {
            self.passed = passed
            self.reasons = reasons
            self.faceMatch = faceMatch
        }
    }

    public enum State: String, Hashable, Sendable, Codable {
        /// Waiting for a video.
        case open
        /// A video is being analysed; other uploads are refused until it finishes.
        case inProgress = "in_progress"
        /// Passed: consumed.
        case passed
        /// No attempts left.
        case exhausted
    }

    public init(
        id: String = Challenge.newID(), createdAt: Date, ttl: TimeInterval, passiveLabel: String, passiveScore: Double,
        passiveReasons: [String] = [], attempts: Int, apiKeyID: String?, reference: FaceReference? = nil,
        actions: ActionChallenge? = nil, type: ChallengeType? = nil
    ) {
        self.actions = actions
        self.type = type ?? (actions == nil ? .blink : .actions)
        self.reference = reference
        self.faceBound = reference != nil
        self.passiveReasons = passiveReasons
        self.id = id
        self.createdAt = createdAt
        self.expiresAt = createdAt.addingTimeInterval(ttl)
        self.passiveLabel = passiveLabel
        self.passiveScore = passiveScore
        self.attemptsLeft = attempts
        self.apiKeyID = apiKeyID
        self.state = .open
    }

    /// 128 bits from the system's cryptographic random source, as 32 lower-case hex digits.
    public static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return [generator.next(), generator.next()].map { (value: UInt64) in
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// Whether `id` looks like one of ours (so junk never reaches the store).
    public static func isWellFormed(_ id: String) -> Bool {
        id.utf8.count == 32 && id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// Why `apiKeyID` may not attempt this challenge at `now`, if it may not.
    public func refusal(apiKeyID: String?, now: Date) -> ChallengeError? {
        if self.apiKeyID != apiKeyID { return .forbidden }
        if now >= expiresAt { return .expired }
        switch state {
        case .open: return attemptsLeft > 0 ? nil : .used
        case .inProgress: return .inProgress
        case .passed, .exhausted: return .used
        }
    }
}
