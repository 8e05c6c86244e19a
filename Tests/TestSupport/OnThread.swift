import Foundation

/// Runs blocking work (waiting for processes, polling with sleeps) on a thread of its own, so that it
/// never holds one of Swift's cooperative threads (two on a 2-core machine), which the rest of the
/// suite, running in parallel, needs to make progress.
public func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
