import Foundation
import LivenessCore
import LivenessTools

/// A scripted live-session client: it renders each frame from ``Renders/still`` at the moment it is sent, and
/// answers each cue only after receiving it (``respond(seed:reaction:engine:)``); or it streams frames rendered
/// beforehand (``observations(_:engine:)``, then ``replay(_:seed:arrival:)``).
public enum LiveClient {
    /// Frames per second sent, the network's one-way latency and the capture clock's offset from the server's.
    public static let fps = 15
    public static let latency = 0.05
    public static let captureOffset = 1000.0

    /// How the client's frames show the light code's colours, `delay` seconds after each arrives (a screen's and a
    /// camera's delay), blended in with weight `alpha`.
    public enum LightAnswer: Sendable {
        /// On the face only: light reflected by a face near the screen.
        case face(delay: Double, alpha: Double = 0.25)
        /// On the whole frame: a screen replay lit by the colours, or a camera's white balance.
        case wholeFrame(delay: Double, alpha: Double = 0.25)
    }

    /// A session judged as a responsive client streams to it: each action starts `reaction` seconds after its cue
    /// arrives (negative: before, as a client that knew the cue would); at most `seconds` of frames. With `light`,
    /// the session shows a light code, and the client shows each colour as `light` says.
    public static func respond(
        seed: UInt64, reaction: Double, seconds: Double = 20, light: LightAnswer? = nil, engine: LivenessEngine
    ) async throws -> (outcome: LiveOutcome?, events: [LiveEvent], session: LiveSession<SplitMix64>) {
        let renderer = try await Self.renderer(engine)
        var session = LiveSession(generator: SplitMix64(seed: seed), now: 0, light: light != nil)
        var script = RenderScript(actions: [], seconds: seconds, fps: fps, seed: seed)
        var track: [Point3]?
        var events: [LiveEvent] = []
        // The colour the screen shows from each time on (nil: none).
        var shown: [(from: Double, colour: LightColour?)] = []
        for index in 0..<Int(seconds * Double(fps)) {
            let time = Double(index) / Double(fps)
            let current = script
            let colour = shown.last { $0.from <= time }?.colour
            let face = track.map { mesh in Self.faceBox(mesh) } ?? []
            let jpeg = try await onThread {
                let image = try renderer.value.frame(at: time, script: current, index: index)
                if let colour {
                    switch light {
                    case .face(_, let alpha): try image.tint(face, rgb: colour.hex, alpha: alpha)
                    case .wholeFrame(_, let alpha): try image.tint(rgb: colour.hex, alpha: alpha)
                    case nil: break
                    }
                }
                return try image.encoded(as: ".jpg")
            }
            let observed = try await engine.observeLive(
                jpeg, track: track, captureTime: captureOffset + time, arrivalTime: time + latency, colour: session.wantsColour)
            track = observed.mesh
            let answer = session.receive(observed.frame)
            events += answer
            for event in answer {
                switch event {
                case .cue(_, _, let action):
                    let start = time + 2 * latency + reaction
                    script.actions.append(RenderedAction(action: action, start: start, amount: RenderScript.amount(action)))
                case .flash(_, _, let colour, _):
                    shown.append((time + 2 * latency + Self.delay(light), colour))
                case .flashEnd:
                    shown.append((time + 2 * latency + Self.delay(light), nil))
                default: break
                }
            }
            if session.outcome != nil { break }
        }
        return (session.outcome, events, session)
    }

    static func delay(_ light: LightAnswer?) -> Double {
        switch light {
        case .face(let delay, _), .wholeFrame(let delay, _): delay
        case nil: 0
        }
    }

    /// The box around a Face Mesh's points, as a polygon: where a screen's light falls on the face.
    static func faceBox(_ mesh: [Point3]) -> [Point] {
        guard let minX = mesh.map(\.x).min(), let maxX = mesh.map(\.x).max(), let minY = mesh.map(\.y).min(),
            let maxY = mesh.map(\.y).max()
        else { return [] }
        return [Point(x: minX, y: minY), Point(x: maxX, y: minY), Point(x: maxX, y: maxY), Point(x: minX, y: maxY)]
    }

    /// The frames of `script`, rendered beforehand and observed in order (times to be stamped by ``replay``).
    public static func observations(_ script: RenderScript, engine: LivenessEngine) async throws -> [LiveFrame] {
        let renderer = try await Self.renderer(engine)
        var track: [Point3]?
        var frames: [LiveFrame] = []
        for index in 0..<Int(script.seconds * Double(script.fps)) {
            let time = Double(index) / Double(script.fps)
            let jpeg = try await onThread { try renderer.value.frame(at: time, script: script, index: index).encoded(as: ".jpg") }
            let observed = try await engine.observeLive(jpeg, track: track, captureTime: time, arrivalTime: time)
            track = observed.mesh
            frames.append(observed.frame)
        }
        return frames
    }

    /// A session fed `frames` (from ``observations``) whatever it answers: frame `i` captured at `i / fps` and
    /// arriving at `arrival(i)` seconds.
    public static func replay(_ frames: [LiveFrame], seed: UInt64, arrival: (Int) -> Double) -> (outcome: LiveOutcome?, events: [LiveEvent]) {
        var session = LiveSession(generator: SplitMix64(seed: seed), now: 0)
        var events: [LiveEvent] = []
        for (index, frame) in frames.enumerated() {
            var stamped = frame
            stamped.captureTime = captureOffset + Double(index) / Double(fps)
            stamped.arrivalTime = arrival(index)
            events += session.receive(stamped)
            if session.outcome != nil { break }
        }
        return (session.outcome, events)
    }

    public static func renderer(_ engine: LivenessEngine) async throws -> Box<ClipRenderer> {
        let mesh = try await Renders.mesh(engine)
        return Box(try ClipRenderer(still: try DecodedImage.decode(try Fixtures.bytes(Renders.still)), mesh: mesh))
    }
}

/// Hands a non-Sendable value to one thread at a time: the client awaits each use before the next.
public final class Box<Value>: @unchecked Sendable {
    public let value: Value
    init(_ value: Value) { self.value = value }
}
