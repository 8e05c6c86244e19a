import Foundation
import LivenessCore

extension LivenessEngine {
    /// Runs the passive check (the service's pipeline and policy) on every item, at most two per worker
    /// at a time, and calls `progress` with the number done after each.
    public func evaluate(
        _ set: EvaluationSet, progress: @escaping @Sendable (Int) -> Void = { _ in }
    ) async -> [EvaluationSample] {
        let items = set.items
        let window = max(1, workerCount * 2)
        return await withTaskGroup(of: (Int, EvaluationSample).self) { group in
            var samples = [EvaluationSample?](repeating: nil, count: items.count)
            var next = 0
            var done = 0
            func start() {
                guard next < items.count else { return }
                let index = next
                next += 1
                group.addTask { (index, await self.sample(items[index])) }
            }
            for _ in 0..<window { start() }
            for await (index, sample) in group {
                samples[index] = sample
                done += 1
                progress(done)
                start()
            }
            return samples.compactMap { $0 }
        }
    }

    private func sample(_ item: EvaluationSet.Item) async -> EvaluationSample {
        guard let data = FileManager.default.contents(atPath: item.path) else {
            return EvaluationSample(path: item.path, truth: item.truth, answer: .error(code: "unreadable"))
        }
        do {
            let result = try await check([UInt8](data))
            let models = Dictionary(result.models.map { ($0.model, $0.liveProbability) }) { first, _ in first }
            return EvaluationSample(
                path: item.path, truth: item.truth,
                answer: .result(
                    label: result.label, realProbability: result.realProbability,
                    requiresActiveCheck: result.requiresActiveCheck, reasons: result.reasons.map(\.rawValue), models: models))
        } catch {
            return EvaluationSample(path: item.path, truth: item.truth, answer: .error(code: error.code.rawValue))
        }
    }
}
