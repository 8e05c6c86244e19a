import Foundation
import LivenessCore
import SQLKit

extension Challenge {
    /// The columns of `liveness_challenges` that make up a challenge, in one place for every query.
    static let sqlColumns =
        "id, created_at_ms, expires_at_ms, passive_label, passive_score, attempts_left, api_key_id, state, passive_reasons, completed_at_ms, last_passed, last_reasons, face_reference, last_face_matched, last_face_distance, face_bound, actions, challenge_type"

    /// A challenge read from a `liveness_challenges` row (``sqlColumns``). An empty `api_key_id` means none.
    /// Reasons are stored comma-separated (they are code words).
    static func list(_ text: String) -> [String] { text.isEmpty ? [] : text.split(separator: ",").map(String.init) }

    init(row: any SQLRow) throws {
        let apiKeyID = try row.decode(column: "api_key_id", as: String.self)
        let stateName = try row.decode(column: "state", as: String.self)
        guard let state = State(rawValue: stateName) else {
            throw StorageError.unavailable("unknown challenge state '\(stateName.prefix(20))' in the database")
        }
        self.init(
            id: try row.decode(column: "id", as: String.self),
            createdAt: Date(milliseconds: try row.decode(column: "created_at_ms", as: Int.self)),
            ttl: 0,
            passiveLabel: try row.decode(column: "passive_label", as: String.self),
            passiveScore: try row.decode(column: "passive_score", as: Double.self),
            attempts: try row.decode(column: "attempts_left", as: Int.self),
            apiKeyID: apiKeyID.isEmpty ? nil : apiKeyID)
        self.expiresAt = Date(milliseconds: try row.decode(column: "expires_at_ms", as: Int.self))
        self.state = state
        self.passiveReasons = Self.list(try row.decode(column: "passive_reasons", as: String.self))
        self.completedAt = try row.decode(column: "completed_at_ms", as: Int?.self).map(Date.init(milliseconds:))
        if let passed = try row.decode(column: "last_passed", as: Bool?.self) {
            let match = try row.decode(column: "last_face_matched", as: Bool?.self).map { matched in
                FaceMatch(
                    matched: matched, distance: try row.decode(column: "last_face_distance", as: Double?.self), framesCompared: 0,
                    largestFrameDistance: nil, consistent: true)
            }
            self.lastAttempt = Attempt(
                passed: passed, reasons: Self.list(try row.decode(column: "last_reasons", as: String?.self) ?? ""), faceMatch: match)
        }
        self.reference = try row.decode(column: "face_reference", as: String?.self).map(Self.reference(stored:))
        self.faceBound = try row.decode(column: "face_bound", as: Bool.self)
        if let text = try row.decode(column: "actions", as: String?.self) {
            guard let actions = ActionChallenge(text: text) else {
                throw StorageError.unavailable("malformed challenge actions in the database")
            }
            self.actions = actions
        }
        if let typeName = try row.decode(column: "challenge_type", as: String?.self) {
            guard let type = ChallengeType(rawValue: typeName) else {
                throw StorageError.unavailable("unknown challenge type '\(typeName.prefix(20))' in the database")
            }
            self.type = type
        }
    }

    /// A stored face reference: '' when the selfie gave no descriptor (a bound challenge no video can pass).
    static func reference(stored: String) -> FaceReference {
        FaceEmbedding(stored: stored).map(FaceReference.embedding) ?? .unavailable
    }

    /// The column value of `reference` (see ``reference(stored:)``).
    static func stored(_ reference: FaceReference?) -> String? {
        switch reference {
        case nil: nil
        case .unavailable: ""
        case .embedding(let embedding): embedding.stored
        }
    }
}
