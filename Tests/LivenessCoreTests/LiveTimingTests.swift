@testable import LivenessCore
import Testing

/// The live session's real-time check and frame limits, without networks: a camera's frames pass, a burst, a
/// slow render, a flood and out-of-order timestamps fail; a frame that is not a small JPEG is refused before
/// decoding.
@Suite("Live session timing and frame limits")
struct LiveTimingTests {
    /// Frames at `fps` from the capture clock's `start`, arriving `latency(i)` after their capture.
    func admitted(_ count: Int, fps: Double, captureStep: Double? = nil, latency: (Int) -> Double) -> [Bool] {
        var check = RealTimeCheck(policy: LivePolicy())
        return (0..<count).map { index in
            let capture = 500 + Double(index) * (captureStep ?? 1 / fps)
            return check.admit(capture: capture, arrival: Double(index) / fps + latency(index))
        }
    }

    @Test("A camera's frames pass: 15 fps for 20 s with 0-200 ms of jittering latency")
    func camera() {
        let results = admitted(300, fps: 15) { 0.05 + Double(($0 * 37) % 150) / 1000 }
        #expect(!results.contains(false))
    }

    @Test("Frames made beforehand and sent at once fail within the tolerance: their timestamps run ahead of the arrivals")
    func burst() {
        let results = admitted(60, fps: 15) { -Double($0) / 15 + Double($0) * 0.004 }
        #expect(results.contains(false))
        let firstRefused = results.firstIndex(of: false) ?? 0
        #expect(firstRefused <= 35)
    }

    @Test("Frames rendered slower than real time, stamped as a camera would, fail: arrivals fall behind the timestamps")
    func slowRender() {
        let results = admitted(60, fps: 15) { Double($0) * 0.05 }
        #expect(results.contains(false))
    }

    @Test("More than 20 frames a second fail, whatever their timestamps say")
    func flood() {
        let results = admitted(90, fps: 30) { _ in 0.05 }
        #expect(results.contains(false))
    }

    @Test("Timestamps that go back, repeat or are not finite fail")
    func timestamps() {
        var back = RealTimeCheck(policy: LivePolicy())
        let first = back.admit(capture: 10, arrival: 0)
        let earlier = back.admit(capture: 9.9, arrival: 0.07)
        var repeated = RealTimeCheck(policy: LivePolicy())
        _ = repeated.admit(capture: 10, arrival: 0)
        let same = repeated.admit(capture: 10, arrival: 0.07)
        var infinite = RealTimeCheck(policy: LivePolicy())
        let notFinite = infinite.admit(capture: .infinity, arrival: 0)
        #expect(first && !earlier && !same && !notFinite)
    }

    /// The code of the error `body` throws, nil when it throws none.
    func refusal(_ body: () throws(LivenessError) -> ImageHeader) -> LivenessError.Code? {
        do {
            _ = try body()
            return nil
        } catch {
            return error.code
        }
    }

    @Test("A live frame is a JPEG of at most 400 kB and 1280 pixels a side, checked before decoding")
    func frameLimits() throws {
        let limits = LiveFrameLimits()
        #expect(try limits.check(ImageHeaderTests.jpeg(width: 640, height: 480)).width == 640)
        #expect(refusal { () throws(LivenessError) in try limits.check(ImageHeaderTests.jpeg(width: 4000, height: 3000)) } == .imageTooLarge)
        #expect(
            refusal { () throws(LivenessError) in
                try limits.check(ImageHeaderTests.jpeg(width: 640, height: 480) + [UInt8](repeating: 0, count: 10 << 20))
            } == .imageTooLarge)
        let png: [UInt8] =
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 2, 128, 0, 0, 1, 224, 8, 2, 0, 0, 0]
        #expect(refusal { () throws(LivenessError) in try limits.check(png) } == .invalidImage)
        #expect(refusal { () throws(LivenessError) in try limits.check([]) } == .invalidRequest)
    }
}
