/// Why the database could not be used. Messages name the database (never its password) and the cause.
public struct StorageError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case unavailable
        case timeout
        case schemaTooNew
    }

    private let code: Code
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The database could not be opened or reached.
    public static func unavailable(_ message: String) -> StorageError { .init(.unavailable, message) }
    /// An operation took longer than `DATABASE_TIMEOUT_SECONDS`.
    public static func timeout(seconds: Double) -> StorageError {
        .init(.timeout, "the database did not answer within \(seconds) s")
    }
    /// The database was migrated by a newer version of the service.
    public static func schemaTooNew(found: Int, supported: Int) -> StorageError {
        .init(.schemaTooNew, "the database schema is version \(found); this build supports up to \(supported): upgrade the service")
    }

    public var description: String { message }

    /// Whether a retry later may succeed (the HTTP answer is then 503 `storage_unavailable`).
    public var isTransient: Bool { code != .schemaTooNew }
}
