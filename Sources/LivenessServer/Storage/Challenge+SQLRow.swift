import Foundation
import SQLKit

extension Challenge {
    /// The columns of `liveness_challenges` that make up a challenge, in one place for every query.
    static let sqlColumns =
        "id, created_at_ms, expires_at_ms, passive_label, passive_score, attempts_left, api_key_id, state"

    /// A challenge read from a `liveness_challenges` row (``sqlColumns``). An empty `api_key_id` means none.
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
    }
}
