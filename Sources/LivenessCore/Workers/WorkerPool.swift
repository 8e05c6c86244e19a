import DequeModule
import Foundation

/// A fixed set of dedicated threads, each owning a `Context` (for example its own OpenCV networks).
///
/// `cv::dnn::Net` is not thread-safe, so contexts are never shared: each is created on its
/// worker's thread and used only there. Callers `await` ``run(_:)``; the blocking inference
/// happens on the worker threads, never on Swift's cooperative pool.
///
/// At most `maxQueue` jobs wait for a free worker; beyond that ``run(_:)`` throws
/// ``LivenessError`` `overloaded` at once, so load sheds instead of piling up. A job whose caller is
/// cancelled (its client hung up) while it still waits is dropped from the queue: no worker runs it.
public final class WorkerPool<Context>: @unchecked Sendable {
    typealias Job = @Sendable (Context) -> Void

    /// The number of worker threads.
    public let workerCount: Int
    /// How many jobs may wait for a worker.
    public let maxQueue: Int

    private let condition = NSCondition()
    private var queue = Deque<(id: UInt64, job: Job)>()
    private var nextID: UInt64 = 0
    private var busy = 0
    private var dropped = 0
    private var stopping = false
    private var liveThreads = 0
    private var stopped: [CheckedContinuation<Void, Never>] = []

    /// Starts `workers` threads and waits until each has built its context.
    ///
    /// If any context fails (say, a model does not load), the threads already started are
    /// stopped and the first error is thrown.
    public init<Failure: Error>(
        workers: Int, maxQueue: Int = .max, name: String = "worker",
        makeContext: @escaping @Sendable (_ index: Int) throws(Failure) -> Context
    ) async throws(Failure) {
        precondition(workers > 0, "a worker pool needs at least one worker")
        self.workerCount = workers
        self.maxQueue = max(0, maxQueue)
        let latch = StartupLatch(count: workers)
        do {
            try await start(workers: workers, name: name, latch: latch, makeContext: makeContext)
        } catch {
            // Wait until every thread has stopped: none may still be building a context (loading
            // OpenCV networks) while the caller reports the error and perhaps exits the process.
            await shutdown()
            // The latch fails only with what a context threw.
            guard let failure = error as? Failure else { preconditionFailure("a worker failed to start with \(error)") }
            throw failure
        }
    }

    private func start(
        workers: Int, name: String, latch: StartupLatch, makeContext: @escaping @Sendable (Int) throws -> Context
    ) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            latch.onCompletion = { continuation.resume(with: $0) }
            condition.lock()
            liveThreads = workers
            condition.unlock()
            for index in 0..<workers {
                let thread = Thread { [self] in
                    self.work(index: index, latch: latch, makeContext: makeContext)
                }
                thread.name = String("\(name)-\(index)".prefix(15))
                thread.stackSize = 4 << 20
                thread.start()
            }
        }
    }

    /// Runs `body` on a worker with that worker's context and returns its result.
    ///
    /// - Throws: what `body` throws, or ``LivenessError`` `overloaded` when the queue is full
    ///   or the pool is shutting down.
    ///   or the pool is shutting down; `CancellationError` when the task is cancelled before a worker
    ///   takes the job.
    public func run<T: Sendable>(_ body: @escaping @Sendable (Context) throws -> T) async throws -> T {
        let ticket = Ticket()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
                let job: Job = { context in continuation.resume(with: Result { try body(context) }) }
                switch enqueue(job, ticket: ticket, cancel: { continuation.resume(throwing: CancellationError()) }) {
                case .queued: break
                case .refused(let refusal): continuation.resume(throwing: refusal)
                case .cancelled: continuation.resume(throwing: CancellationError())
                }
            }
        } onCancel: {
            drop(ticket)
        }
    }

    /// Jobs dropped from the queue because their callers were cancelled.
    public var droppedJobs: Int {
        condition.lock()
        defer { condition.unlock() }
        return dropped
    }

    /// Links a job in the queue to its caller's cancellation, which may come before or after it is queued.
    private final class Ticket: @unchecked Sendable {
        /// Guarded by the pool's lock.
        var id: UInt64?
        var cancelled = false
        var resumeCancelled: (() -> Void)?
    }

    private enum Admission {
        case queued
        case refused(LivenessError)
        case cancelled
    }

    /// Removes the ticket's job if it still waits, and fails its caller with `CancellationError`.
    private func drop(_ ticket: Ticket) {
        condition.lock()
        ticket.cancelled = true
        guard let id = ticket.id, let index = queue.firstIndex(where: { $0.id == id }) else {
            condition.unlock()
            return
        }
        queue.remove(at: index)
        dropped += 1
        let resume = ticket.resumeCancelled
        ticket.resumeCancelled = nil
        condition.unlock()
        resume?()
    }

    /// True when a job submitted now would be refused as `overloaded`: every worker busy and the queue full.
    public var isFull: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopping || (workerCount - busy - queue.count <= 0 && queue.count >= maxQueue)
    }

    /// Jobs waiting for a worker, and jobs running.
    public var load: (queued: Int, busy: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (queue.count, busy)
    }

    /// Lets queued jobs finish, then stops every thread. Later ``run(_:)`` calls are refused.
    public func shutdown() async {
        await withCheckedContinuation { continuation in
            condition.lock()
            stopping = true
            if liveThreads == 0 {
                condition.unlock()
                continuation.resume()
                return
            }
            stopped.append(continuation)
            condition.broadcast()
            condition.unlock()
        }
    }

    private func enqueue(_ job: @escaping Job, ticket: Ticket, cancel: @escaping () -> Void) -> Admission {
        condition.lock()
        defer { condition.unlock() }
        if ticket.cancelled { return .cancelled }
        if stopping { return .refused(LivenessError(.overloaded, "the service is shutting down")) }
        // A job can start at once when a worker is idle; otherwise it waits in the queue.
        let idle = workerCount - busy - queue.count
        if idle <= 0 && queue.count >= maxQueue {
            return .refused(
                LivenessError(.overloaded, "all \(workerCount) workers are busy and \(queue.count) requests are queued"))
        }
        nextID += 1
        ticket.id = nextID
        ticket.resumeCancelled = cancel
        queue.append((nextID, job))
        condition.signal()
        return .queued
    }

    private func work(index: Int, latch: StartupLatch, makeContext: @Sendable (Int) throws -> Context) {
        var context: Context?
        do {
            context = try makeContext(index)
            latch.succeed()
        } catch {
            latch.fail(error)
            shutdownAfterFailedStart()
            threadExited()
            return
        }
        while let job = nextJob(), let current = context {
            job(current)
            condition.lock()
            busy -= 1
            condition.unlock()
        }
        // Free the context (its networks) on this thread before saying it stopped: ``shutdown()`` returns only
        // after every worker's networks are gone, so a process that exits next never races a worker still
        // tearing down OpenCV or OpenVINO objects against the libraries' static destructors (TBB's among them).
        context = nil
        threadExited()
    }

    private func nextJob() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !stopping { condition.wait() }
        guard let entry = queue.popFirst() else { return nil }
        busy += 1
        return entry.job
    }

    private func shutdownAfterFailedStart() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func threadExited() {
        condition.lock()
        liveThreads -= 1
        let waiters = liveThreads == 0 ? stopped : []
        if liveThreads == 0 { stopped = [] }
        condition.unlock()
        for waiter in waiters { waiter.resume() }
    }
}
