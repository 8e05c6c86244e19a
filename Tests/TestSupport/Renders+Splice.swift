import Foundation
import LivenessCore
import LivenessTools

extension Renders {
    /// The aligned action splice, an attack on a bound action challenge: a neutral render of the victim (the still)
    /// with another person's face (the blink clips' man, rendered answering `challenge`) laid over the victim's
    /// face box while each movement is held, the donor's face box scaled onto the victim's. The neutral frames
    /// the face match samples are the victim's; the face that turns is not.
    public static func actionSplice(_ challenge: ActionChallenge, engine: LivenessEngine) async throws -> [UInt8] {
        let victimBox = try await engine.check(try Fixtures.bytes(still)).face.box
        let donor = try await onThread { Videos.selfie }
        let donorBox = try await engine.check(donor).face.box
        return try await withTemporaryFolder { folder in
            try Data(donor).write(to: URL(fileURLWithPath: "\(folder)/donor.jpg"))
            let answer = RenderScript(answering: challenge)
            let victim = try await y4m(RenderScript(actions: [], seconds: answer.seconds), engine: engine)
            let moving = try await y4m(answer, engine: engine, image: "\(folder)/donor.jpg")
            // While each movement is held (the render's envelope: 0.35 s up, 0.35 s held, 0.35 s down).
            let windows = answer.actions.filter(\.action.isMovement).map {
                "between(t,\(String(format: "%.2f", $0.start + 0.1)),\(String(format: "%.2f", $0.start + 0.95)))"
            }
            let filter =
                "[1:v]crop=\(donorBox.width):\(donorBox.height):\(donorBox.x):\(donorBox.y),scale=\(victimBox.width):\(victimBox.height)[face];"
                + "[0:v][face]overlay=\(victimBox.x):\(victimBox.y):enable='\(windows.joined(separator: "+"))'"
            return try await onThread {
                try Data(victim).write(to: URL(fileURLWithPath: "\(folder)/victim.y4m"))
                try Data(moving).write(to: URL(fileURLWithPath: "\(folder)/donor.y4m"))
                try FFmpeg.run([
                    "-i", "\(folder)/victim.y4m", "-i", "\(folder)/donor.y4m", "-filter_complex", filter, "-c:v", "libx264",
                    "-pix_fmt", "yuv420p", "-crf", "18", "\(folder)/splice.mp4",
                ])
                return try Fixtures.bytes("\(folder)/splice.mp4")
            }
        }
    }
}
