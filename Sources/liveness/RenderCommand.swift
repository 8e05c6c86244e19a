import ArgumentParser
import Foundation
import LivenessCore
import LivenessTools

/// `liveness render --still IMAGE (--answer STEPS | --actions LIST) --out FILE.y4m`
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a test clip of head turns, nods, mouth opening and blinks from one still (Y4M).",
        discussion: """
            The still's Face Mesh is texture-warped per frame; the output is deterministic (the same arguments give \
            the same bytes). Encode it for upload with `ffmpeg -i clip.y4m -c:v libx264 -pix_fmt yuv420p clip.mp4`; \
            Chromium plays it as a fake camera with --use-file-for-fake-video-capture=clip.y4m.
            """
    )

    @OptionGroup var models: ModelOptions

    @Option(help: "The still: an upright image with one face and even sides.")
    var still: String

    @Option(
        help: ArgumentHelp(
            "Answer a challenge as a responsive person: ACTION@CUE-END,... (each action starts 0.3 s after its cue).",
            valueName: "STEPS"))
    var answer: ActionChallenge?

    @Option(
        help: ArgumentHelp(
            "Or script the actions: ACTION@START[:AMOUNT],... (degrees for turns and nods, opening for the mouth).",
            valueName: "LIST"))
    var actions: String?

    @Option(help: "Clip length in seconds (default: the answered challenge's duration + 0.5 s, else 5).")
    var seconds: Double?

    @Option(help: "Frames per second.")
    var fps = 15

    @Option(help: "Seed of the noise and sway.")
    var seed: UInt64 = 1

    @Option(help: "Degrees of the answered turns (Face Mesh reads renders at a smaller angle).")
    var turnDegrees = RenderScript.turnDegrees

    @Option(help: "The output Y4M file.")
    var out: String

    func validate() throws {
        guard (answer == nil) != (actions == nil) else { throw ValidationError("give either --answer or --actions") }
        guard (1...60).contains(fps) else { throw ValidationError("--fps must be 1-60") }
        if let actions, Self.script(actions) == nil { throw ValidationError("--actions: ACTION@START[:AMOUNT],...") }
    }

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: still) else {
            printError("liveness: cannot read \(still)")
            throw ExitCode(1)
        }
        let engine = try await models.startEngine(workers: 1)
        defer { Task { await engine.shutdown() } }
        guard let mesh = try await engine.faceMesh([UInt8](data)) else {
            printError("liveness: no face in \(still)")
            throw ExitCode(1)
        }
        var script: RenderScript
        if let answer {
            script = RenderScript(answering: answer, fps: fps, seed: seed)
            for index in script.actions.indices where script.actions[index].action == .turnLeft || script.actions[index].action == .turnRight {
                script.actions[index].amount = turnDegrees
            }
        } else {
            script = RenderScript(actions: Self.script(actions ?? "") ?? [], fps: fps, seed: seed)
        }
        if let seconds { script.seconds = seconds }
        let renderer = try ClipRenderer(still: try DecodedImage.decode([UInt8](data)), mesh: mesh)
        let bytes = try renderer.y4m(script)
        guard FileManager.default.createFile(atPath: out, contents: Data(bytes)) else {
            printError("liveness: cannot write \(out)")
            throw ExitCode(1)
        }
        await engine.shutdown()
    }

    /// `ACTION@START[:AMOUNT],...` as rendered actions.
    static func script(_ text: String) -> [RenderedAction]? {
        var actions: [RenderedAction] = []
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: "@")
            guard pieces.count == 2, let action = FaceAction(rawValue: String(pieces[0])) else { return nil }
            let values = pieces[1].split(separator: ":").compactMap { Double($0) }
            guard (1...2).contains(values.count) else { return nil }
            actions.append(RenderedAction(action: action, start: values[0], amount: values.count == 2 ? values[1] : RenderScript.amount(action)))
        }
        return actions
    }
}
