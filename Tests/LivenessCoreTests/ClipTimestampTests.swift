import LivenessCore
import Testing

/// The clip's own timestamps as OpenCV 4.6 reports them (the first frame 0, frames flushed from the decoder 0
/// again), repaired into a timeline the action verifier can use.
@Suite("Clip timestamps")
struct ClipTimestampTests {
    @Test("The first frame's 0 is put one step before the second; flushed frames' zeros one median step on")
    func repaired() throws {
        let webm = [0, 83, 125, 167, 208, 250.0]
        #expect(DecodedClip.repaired(webm) == [41, 83, 125, 167, 208, 250])
        let mp4 = [0, 66.7, 133.3, 200, 266.7, 333.3, 400, 466.7, 533.3, 600, 666.7, 733.3, 0, 0]
        let fixed = try #require(DecodedClip.repaired(mp4))
        #expect(zip(fixed, fixed.dropFirst()).allSatisfy { $0 < $1 })
        #expect(abs(fixed[12] - 800) < 0.1 && abs(fixed[13] - 866.7) < 0.1)
    }

    @Test("Too few, not finite, or mostly broken timestamps are unusable")
    func unusable() {
        #expect(DecodedClip.repaired([0, 40]) == nil)
        #expect(DecodedClip.repaired([0, 40, .nan, 120]) == nil)
        #expect(DecodedClip.repaired([0, 40, 80] + [Double](repeating: 0, count: 10)) == nil)
        #expect(DecodedClip.repaired([Double](repeating: 0, count: 10)) == nil)
    }
}
