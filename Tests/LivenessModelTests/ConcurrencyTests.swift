import LivenessCore
import TestSupport
import Testing

/// cv::dnn::Net is not thread-safe; sharing one gives silently wrong results. Many concurrent checks
/// over all fixtures must each give exactly their own sequential result.
@Suite("Concurrency")
struct ConcurrencyTests {
    @Test("240 concurrent checks over every fixture equal their golden values")
    func concurrentChecks() async throws {
        let goldens = try Fixtures.goldens()
        let inputs = try goldens.map { try Fixtures.bytes($0.path) }
        let engine = try await LivenessEngine(
            configuration: PassiveConfiguration(modelDirectory: Fixtures.models, workers: 2, maxQueue: 1000))
        var expected: [Result<PassiveResult, LivenessError>] = []
        for bytes in inputs { expected.append(await outcome(engine, bytes)) }
        // The sequential results are themselves the goldens (GoldenParityTests); check the key fields here too.
        for (golden, result) in zip(goldens, expected) where golden.service.status == "ok" {
            let value = try result.get()
            #expect(value.label.rawValue == golden.service.liveness_label)
            #expect(abs(value.confidenceScore - golden.service.confidence_score!) < 1e-4)
        }
        let rounds = 240
        let results = await withTaskGroup(of: (Int, Result<PassiveResult, LivenessError>).self) { group in
            for round in 0..<rounds {
                let index = round % inputs.count
                group.addTask { (index, await outcome(engine, inputs[index])) }
            }
            return await group.reduce(into: [(Int, Result<PassiveResult, LivenessError>)]()) { $0.append($1) }
        }
        await engine.shutdown()
        #expect(results.count == rounds)
        for (index, result) in results {
            #expect(result == expected[index], "\(goldens[index].input.file)")
        }
    }

    private func outcome(_ engine: LivenessEngine, _ bytes: [UInt8]) async -> Result<PassiveResult, LivenessError> {
        do { return .success(try await engine.check(bytes)) } catch { return .failure(error) }
    }
}
