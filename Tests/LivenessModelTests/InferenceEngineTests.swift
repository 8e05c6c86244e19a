import Foundation
@testable import LivenessCore
import Testing
import TestSupport

/// The two engines living in one process (`INFERENCE_ENGINE` is read by the settings table: `SettingsTests`).
@Suite("Inference engines")
struct InferenceEngineTests {
    @Test("Both engines loaded: one TBB (Debian's libtbb12, which OpenCV uses) and OpenVINO's CPU plugin")
    func oneTBB() async throws {
        for engine in InferenceEngine.allCases { _ = try await Fixtures.engine(engine).value }
        // /proc files report size 0, so read to the end rather than by size.
        let handle = try #require(FileHandle(forReadingAtPath: "/proc/self/maps"))
        let maps = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        try handle.close()
        let libraries = Set(maps.split(separator: "\n").compactMap { line in line.split(separator: " ").last.map(String.init) })
        let tbb = libraries.filter { ($0 as NSString).lastPathComponent.hasPrefix("libtbb.so") }
        #expect(tbb.count == 1, "\(tbb)")
        #expect(tbb.allSatisfy { !$0.contains(".openvino") }, "\(tbb)")
        #expect(libraries.contains { $0.hasSuffix("/libopenvino_intel_cpu_plugin.so") })
    }

    @Test("Workers share one compiled network: each engine's workers answer T1 identically")
    func workersAgree() async throws {
        let bytes = try Fixtures.bytes(Fixtures.image("image_T1.jpg"))
        for engine in InferenceEngine.allCases {
            let engine = try await Fixtures.engine(engine).value
            let results = try await withThrowingTaskGroup(of: PassiveResult.self) { group in
                for _ in 0..<8 { group.addTask { try await engine.check(bytes) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(results.map(\.confidenceScore)).count == 1, "\(engine): \(results.map(\.confidenceScore))")
        }
    }
}
