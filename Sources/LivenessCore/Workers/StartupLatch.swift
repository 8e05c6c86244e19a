import Foundation

/// Reports once when `count` workers have started, or at the first failure.
final class StartupLatch: @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: Int
    private var done = false
    private var completion: (@Sendable (Result<Void, Error>) -> Void)?

    init(count: Int) { self.remaining = count }

    /// Set before any worker starts.
    var onCompletion: (@Sendable (Result<Void, Error>) -> Void)? {
        get { lock.withLock { completion } }
        set { lock.withLock { completion = newValue } }
    }

    func succeed() {
        finish {
            remaining -= 1; return remaining == 0 ? .success(()) : nil
        }
    }

    func fail(_ error: Error) {
        finish { .failure(error) }
    }

    private func finish(_ update: () -> Result<Void, Error>?) {
        let report: (@Sendable (Result<Void, Error>) -> Void, Result<Void, Error>)? = lock.withLock {
            guard !done, let result = update(), let completion else { return nil }
            done = true
            return (completion, result)
        }
        if let (completion, result) = report { completion(result) }
    }
}
