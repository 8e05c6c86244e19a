import LivenessCore
import TestSupport
import Testing

/// A clip with a container rotation tag is turned upright and scaled to `VideoLimits.maxSide`. When the scale is a
/// whole factor of both sides (720p, 1080p, 4K phone video) the bridge scales first and rotates the smaller frame;
/// these tests hold it to the pixels of the untagged clip turned upright.
@Suite("Rotated clips scaled for analysis")
struct ClipScalingTests {
    /// `pixels` (BGR, `width` x `height`) turned the way the bridge undoes a rotation tag of `degrees`.
    static func turned(_ pixels: [UInt8], width: Int, height: Int, degrees: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: pixels.count)
        let outWidth = degrees == 180 ? width : height
        for y in 0..<height {
            for x in 0..<width {
                let (tx, ty) =
                    switch degrees {
                    case 90: (y, width - 1 - x)  // counter-clockwise
                    case 270: (height - 1 - y, x)  // clockwise
                    default: (width - 1 - x, height - 1 - y)
                    }
                for c in 0..<3 { out[(ty * outWidth + tx) * 3 + c] = pixels[(y * width + x) * 3 + c] }
            }
        }
        return out
    }

    /// The largest and the mean difference between each tagged frame and the untagged frame turned upright.
    static func differences(width: Int, height: Int, degrees: Int) async throws -> (frames: Int, size: [Int], largest: Int, mean: Double) {
        let pair = try await onThread { try Videos.taggedPair(width: width, height: height, degrees: degrees) }
        let plain = try DecodedClip.decode(pair.untagged, limits: VideoLimits())
        let tagged = try DecodedClip.decode(pair.tagged, limits: VideoLimits())
        #expect(tagged.rotation == degrees)
        #expect(plain.frames.count == tagged.frames.count)
        var largest = 0
        var total = 0
        var count = 0
        for (source, upright) in zip(plain.frames, tagged.frames) {
            let expected = turned(try source.pixels(), width: source.width, height: source.height, degrees: degrees)
            let got = try upright.pixels()
            #expect(got.count == expected.count)
            for (a, b) in zip(got, expected) {
                let difference = abs(Int(a) - Int(b))
                largest = max(largest, difference)
                total += difference
            }
            count += got.count
        }
        let first = try #require(tagged.frames.first)
        return (tagged.frames.count, [first.width, first.height], largest, Double(total) / Double(max(count, 1)))
    }

    @Test(
        "Whole-factor scales give exactly the untagged frames turned upright",
        arguments: [(1280, 720, 90), (1280, 720, 180), (1280, 720, 270), (1920, 1080, 90), (1080, 1920, 270)])
    func wholeFactor(width: Int, height: Int, degrees: Int) async throws {
        let result = try await Self.differences(width: width, height: height, degrees: degrees)
        let k = max(width, height) / 640
        #expect(result.frames == 6)
        #expect(result.size == (degrees == 180 ? [width / k, height / k] : [height / k, width / k]))
        #expect(result.largest == 0)
    }

    /// Other scales rotate first and then interpolate, on a sampling grid that the rotation moves by a fraction of a
    /// pixel: the same picture (6.7 levels apart on average at 1920x1088, where a frame turned the wrong way is over
    /// 100 apart), not the same pixels.
    @Test("Other scales are turned upright too", arguments: [(1000, 562, 90), (1920, 1088, 180)])
    func otherFactor(width: Int, height: Int, degrees: Int) async throws {
        let result = try await Self.differences(width: width, height: height, degrees: degrees)
        #expect(result.frames == 6)
        #expect(max(result.size[0], result.size[1]) == 640)
        #expect(result.mean < 20, "mean difference \(result.mean)")
    }
}
