import Foundation
import Synchronization
import LivenessCore
import TestSupport
import Testing

/// The pool runs jobs on its own threads, sheds load when the queue is full, and stops cleanly.
@Suite("Worker pool")
struct WorkerPoolTests {
    /// A gate that worker jobs block on until the test opens it.
    final class Gate: @unchecked Sendable {
        private let condition = NSCondition()
        private var open = false
        private(set) var waiting = 0

        func pass() {
            condition.lock()
            waiting += 1
            while !open { condition.wait() }
            condition.unlock()
        }

        func release() {
            condition.lock()
            open = true
            condition.broadcast()
            condition.unlock()
        }
    }

    @Test("Each job runs on the thread that built its worker's context")
    func contexts() async throws {
        let pool = try await WorkerPool(workers: 3, name: "test") { index in (index, pthread_self()) }
        let runs = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for _ in 0..<60 {
                group.addTask { try await pool.run { context in (context.0, pthread_equal(context.1, pthread_self()) != 0) } }
            }
            return try await group.reduce(into: [(Int, Bool)]()) { $0.append($1) }
        }
        #expect(runs.count == 60)
        #expect(runs.allSatisfy { $0.1 })
        #expect(Set(runs.map(\.0)).isSubset(of: [0, 1, 2]))
        await pool.shutdown()
    }

    @Test("A job whose caller is cancelled while it waits is dropped: no worker runs it")
    func cancelledWhileQueued() async throws {
        let gate = Gate()
        let ran = Counter()
        let pool = try await WorkerPool(workers: 1, maxQueue: 10) { _ in gate }
        let first = Task { try await pool.run { gate in gate.pass() } }
        while pool.load.busy < 1 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(pool.isFull == false)
        let abandoned = (0..<2).map { _ in Task { try await pool.run { _ in ran.increment() } } }
        while pool.load.queued < 2 { try await Task.sleep(for: .milliseconds(5)) }
        for task in abandoned { task.cancel() }
        for task in abandoned {
            await #expect(throws: CancellationError.self) { try await task.value }
        }
        #expect(pool.load.queued == 0)
        #expect(pool.droppedJobs == 2)
        // A task cancelled before it submits is refused at once.
        let early = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await pool.run { _ in ran.increment() }
        }
        await #expect(throws: CancellationError.self) { try await early.value }
        gate.release()
        try await first.value
        #expect(try await pool.run { _ in 7 } == 7)
        #expect(ran.value == 0)
        await pool.shutdown()
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func increment() { lock.withLock { count += 1 } }
    }

    @Test("isFull tells, before a job is submitted, that it would be refused")
    func isFull() async throws {
        let gate = Gate()
        let pool = try await WorkerPool(workers: 1, maxQueue: 1) { _ in gate }
        #expect(!pool.isFull)
        let first = Task { try await pool.run { gate in gate.pass() } }
        while pool.load.busy < 1 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(!pool.isFull)
        let second = Task { try await pool.run { _ in 2 } }
        while pool.load.queued < 1 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(pool.isFull)
        gate.release()
        try await first.value
        _ = try await second.value
        #expect(!pool.isFull)
        await pool.shutdown()
    }

    @Test("A full queue answers overloaded at once")
    func overload() async throws {
        let gate = Gate()
        let pool = try await WorkerPool(workers: 1, maxQueue: 1) { _ in gate }
        let first = Task { try await pool.run { gate in gate.pass() } }
        while pool.load.busy < 1 { try await Task.sleep(for: .milliseconds(5)) }
        let second = Task { try await pool.run { _ in 2 } }
        while pool.load.queued < 1 { try await Task.sleep(for: .milliseconds(5)) }
        let error = await #expect(throws: LivenessError.self) { try await pool.run { _ in 3 } }
        #expect(error?.code == .overloaded)
        gate.release()
        try await first.value
        #expect(try await second.value == 2)
        await pool.shutdown()
    }

    @Test("A failing context aborts startup with its error")
    func failedStart() async {
        struct Broken: Error {}
        await #expect(throws: Broken.self) {
            _ = try await WorkerPool(workers: 2) { index -> Int in
                if index == 1 { throw Broken() }
                return index
            }
        }
    }

    @Test("After shutdown new jobs are refused")
    func shutdown() async throws {
        let pool = try await WorkerPool(workers: 2) { index in index }
        #expect(try await pool.run { $0 } < 2)
        await pool.shutdown()
        let error = await #expect(throws: LivenessError.self) { try await pool.run { $0 } }
        #expect(error?.code == .overloaded)
    }

    /// Counts contexts freed; each takes a while to free, as networks do.
    final class SlowContext: @unchecked Sendable {
        static let freed = Mutex(0)
        deinit {
            Thread.sleep(forTimeInterval: 0.2)
            Self.freed.withLock { $0 += 1 }
        }
    }

    @Test("shutdown() returns only after every worker has freed its context (issue 22: a crash in libtbb at exit)")
    func contextsFreedBeforeShutdownReturns() async throws {
        let pool = try await WorkerPool(workers: 2) { _ in SlowContext() }
        _ = try await pool.run { _ in 1 }
        let before = SlowContext.freed.withLock { $0 }
        await pool.shutdown()
        #expect(SlowContext.freed.withLock { $0 } == before + 2, "a worker was still freeing its networks when shutdown returned")
    }
}
