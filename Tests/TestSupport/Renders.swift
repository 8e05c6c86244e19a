import Foundation
import LivenessCore
import LivenessTools

/// Action clips rendered from one still by ``ClipRenderer`` (`liveness render`), encoded by ffmpeg: no freely
/// licensed head-turn clips exist, so the tests make their own.
public enum Renders {
    /// The still: the Apache-2.0 fixture `image_T1_lossless.png` (the person of `image_T1.jpg`, upright).
    public static let still = "\(Fixtures.testdata)/images/image_T1_lossless.png"

    /// The Face Mesh of `image` (default: ``still``) taken by `engine`; with `flat`, without depth (a print: a
    /// flat face turned is a homography).
    public static func mesh(_ engine: LivenessEngine, image: String = still, flat: Bool = false) async throws -> [Point3] {
        let mesh = try require(try await engine.faceMesh(try Fixtures.bytes(image)))
        return flat ? mesh.map { Point3(x: $0.x, y: $0.y, z: 0) } : mesh
    }

    /// `script` rendered (Y4M). The rendering runs on a thread of its own: seconds of warping would otherwise hold
    /// a thread of the cooperative pool that the suites' servers answer on.
    public static func y4m(_ script: RenderScript, engine: LivenessEngine, image: String = still, flat: Bool = false) async throws -> [UInt8] {
        let mesh = try await mesh(engine, image: image, flat: flat)
        return try await onThread {
            try ClipRenderer(still: try DecodedImage.decode(try Fixtures.bytes(image)), mesh: mesh).y4m(script)
        }
    }

    /// `script` rendered and encoded as H.264 MP4; `arguments` go to ffmpeg's output (filters, metadata).
    public static func mp4(
        _ script: RenderScript, engine: LivenessEngine, image: String = still, flat: Bool = false, arguments: [String] = []
    ) async throws -> [UInt8] {
        let frames = try await y4m(script, engine: engine, image: image, flat: flat)
        return try await encode(frames, arguments: arguments)
    }

    /// Y4M bytes encoded as H.264 MP4 (yuv420p), with `arguments` before the output.
    public static func encode(_ y4m: [UInt8], arguments: [String] = []) async throws -> [UInt8] {
        try await withTemporaryFolder { folder in
            try await onThread {
                try Data(y4m).write(to: URL(fileURLWithPath: "\(folder)/in.y4m"))
                try FFmpeg.run(
                    ["-i", "\(folder)/in.y4m"] + arguments + ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-crf", "18", "\(folder)/out.mp4"])
                return try Fixtures.bytes("\(folder)/out.mp4")
            }
        }
    }

    /// The answer to ``challenge`` (Y4M), rendered once for every suite that needs it.
    public static let answer = Task { try await y4m(RenderScript(answering: challenge), engine: try await Fixtures.engine.value) }

    /// A fixed challenge: turn left, open the mouth, look down.
    public static let challenge = ActionChallenge(text: "turn_left@0.8-2.2,open_mouth@2.2-3.5,look_down@3.5-5")!
}

/// `value`, or a thrown error naming what was missing.
func require<T>(_ value: T?, _ what: String = "a face mesh") throws -> T {
    guard let value else { throw FixtureError("no \(what)") }
    return value
}
