import NIOCore
import Synchronization

/// The client's connection closing: work still waiting for a worker is dropped when the client is gone.
///
/// Hummingbird lets a request's handler run to the end after its client hangs up; a queued decode would
/// still cost a worker its full time. ``run(_:)`` cancels `work` when the connection closes first, and the
/// ``LivenessCore/WorkerPool`` drops a cancelled job that no worker has taken yet.
struct HangUp: Sendable {
    let closed: EventLoopFuture<Void>

    /// Runs `work`, cancelling it if the connection closes before it finishes.
    func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                await wait()
                return nil
            }
            defer { group.cancelAll() }
            while let next = try await group.next() {
                if let value = next { return value }
                // The client hung up: cancel the work and let it end (a job already running finishes).
                group.cancelAll()
            }
            throw CancellationError()
        }
    }

    /// Returns when the connection closes or the task is cancelled.
    private func wait() async {
        let waiter = Mutex<CheckedContinuation<Void, Never>?>(nil)
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiter.withLock { $0 = continuation }
                closed.whenComplete { _ in waiter.withLock { $0.take() }?.resume() }
                if Task.isCancelled { waiter.withLock { $0.take() }?.resume() }
            }
        } onCancel: {
            waiter.withLock { $0.take() }?.resume()
        }
    }

    /// Runs `work` under the current request's ``HangUp`` (``RequestScope/hangUp``), or plainly without one.
    static func guarding<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let hangUp = RequestScope.hangUp else { return try await work() }
        return try await hangUp.run(work)
    }
}
