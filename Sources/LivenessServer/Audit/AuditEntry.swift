import Foundation

/// One audited request: who asked what and what the service decided. Never image or video bytes, never an
/// API key (only its id, a hash prefix).
public struct AuditEntry: Hashable, Sendable {
    /// A random id of the record.
    public var id = UUID.randomIdentifier()
    /// The request id (`X-Request-ID`).
    public var requestID: String
    public var time: Date
    /// `/liveness` or `/active/blink`.
    public var endpoint: String
    /// The id of the API key that made the request, if any.
    public var apiKeyID: String?
    /// The HTTP status of the answer.
    public var status: Int
    /// `real` or `fake` (passive), `passed` or `failed` (blink), or the error code.
    public var outcome: String
    /// The confidence score (passive), or the passive score over the clip (blink).
    public var score: Double?
    public var reasons: [String]
    public var latencyMs: Double
    public var modelVersion: String?
    /// The challenge the request issued (passive) or answered (blink).
    public var challengeID: String?

    public init(
        requestID: String, time: Date, endpoint: String, apiKeyID: String?, status: Int, outcome: String,
        score: Double? = nil, reasons: [String] = [], latencyMs: Double, modelVersion: String? = nil,
        challengeID: String? = nil
    ) {
        self.requestID = requestID
        self.time = time
        self.endpoint = endpoint
        self.apiKeyID = apiKeyID
        self.status = status
        self.outcome = outcome
        self.score = score
        self.reasons = reasons
        self.latencyMs = latencyMs
        self.modelVersion = modelVersion
        self.challengeID = challengeID
    }
}
