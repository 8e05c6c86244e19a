import Foundation
import LivenessCore

/// One engine's blink-clip timings for `liveness bench --video`: each ``run()`` times one analysis of the clip and,
/// when the engine has the face descriptor, the same analysis bound to the selfie and (with `actions`) judged as
/// that action challenge. When engines are compared, two of these take turns run by run, so that both see the same
/// minutes of a host whose speed drifts.
final class BlinkBench {
    private let engine: LivenessEngine
    private let path: String
    private let video: [UInt8]
    private let selfie: [UInt8]
    private let actions: ActionChallenge?
    private let first: BlinkAnalysis
    private let reference: FaceReference?
    private var plain: [Double] = []
    private var bound: [Double] = []
    private var judged: [Double] = []
    private let clock = ContinuousClock()

    /// Analyses the clip once (untimed: the first clip compiles the other workers' copies of the networks) and
    /// makes the selfie's face reference.
    init(engine: LivenessEngine, path: String, video: [UInt8], selfie: [UInt8], actions: ActionChallenge?) async throws {
        self.engine = engine
        self.path = path
        self.video = video
        self.selfie = selfie
        self.actions = actions
        first = try await engine.analyzeBlink(video)
        reference = engine.supportsFaceMatch ? try await engine.faceReference(selfie) : nil
    }

    /// Times one analysis, and one bound to the selfie and one judged as the action challenge where they apply.
    func run() async throws {
        plain.append(try await timed { try await self.engine.analyzeBlink(self.video) })
        guard let reference else { return }
        bound.append(try await timed { try await self.engine.analyzeBlink(self.video, reference: reference) })
        guard let actions else { return }
        judged.append(try await timed { try await self.engine.analyzeBlink(self.video, reference: reference, actions: actions) })
    }

    /// Times the face embedding (with the descriptor), shuts the engine down, and summarises the runs.
    func finish() async throws -> BlinkTiming {
        let embedding = reference == nil ? nil : try await engine.faceEmbeddingSeconds(selfie, runs: 200)
        await engine.shutdown()
        return BlinkTiming(
            video: path, frames: first.framesAnalyzed, fps: first.fps, workers: engine.workerCount,
            latency: LatencySummary(plain), boundLatency: bound.isEmpty ? nil : LatencySummary(bound),
            embedding: embedding.map(LatencySummary.init), actionsLatency: judged.isEmpty ? nil : LatencySummary(judged))
    }

    private func timed(_ analysis: () async throws -> BlinkAnalysis) async throws -> Double {
        let start = clock.now
        _ = try await analysis()
        return start.duration(to: clock.now).seconds
    }
}
