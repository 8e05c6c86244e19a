extension Database {
    /// Runs `operation`, giving up with ``StorageError/timeout(seconds:)`` after `seconds`.
    static func withTimeout<R: Sendable>(
        seconds: Double, _ operation: @escaping @Sendable () async throws -> R
    ) async throws -> R {
        try await withThrowingTaskGroup(of: R?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw StorageError.timeout(seconds: seconds) }
            return value
        }
    }
}
