import Foundation
import HummingbirdWebSocket
import LivenessCore
import NIOCore

/// One live session's side of the socket: frames in, the judge's events out as JSON messages, the clock
/// checked between frames. Frames are observed on the worker pool; nothing here blocks the event loop.
actor LiveConnection {
    let engine: any LivenessChecking
    let outbound: WebSocketOutboundWriter
    let frameLimits: LiveFrameLimits
    let limits: LiveServerLimits
    let metrics: LivenessMetrics?
    let start = ContinuousClock.now
    var session: LiveSession<SystemRandomNumberGenerator>
    var track: [Point3]?
    var lastFrame = 0.0
    /// Whether a cue was sent: from then on, however the session ends, it is an attempt.
    private(set) var cued = false
    /// The selfie's face the session must show (nil: an unbound challenge), and the frames' descriptors.
    private var reference: FaceReference?
    private var faces = LiveFaceCheck()

    init(
        engine: any LivenessChecking, outbound: WebSocketOutboundWriter, policy: LivePolicy, frameLimits: LiveFrameLimits,
        limits: LiveServerLimits, light: Bool, metrics: LivenessMetrics?
    ) {
        self.metrics = metrics
        self.engine = engine
        self.outbound = outbound
        self.frameLimits = frameLimits
        self.limits = limits
        self.session = LiveSession(policy: policy, generator: SystemRandomNumberGenerator(), now: 0, light: light)
    }

    /// Seconds since the session opened, on the monotonic clock.
    nonisolated var now: Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    /// One binary message, which arrived at `arrival` (``now`` when it was read from the socket): an 8-byte
    /// big-endian IEEE 754 capture time in milliseconds, then the JPEG.
    ///
    /// - Returns: the verdict, when this frame ended the session.
    /// - Throws: ``LivenessError`` for a malformed frame (a frame refused because the workers' queue is full is
    ///   dropped, not an error).
    func frame(_ buffer: ByteBuffer, arrival: Double) async throws -> LiveOutcome? {
        lastFrame = arrival
        guard buffer.readableBytes > 8, let bits = buffer.getInteger(at: buffer.readerIndex, as: UInt64.self) else {
            throw LivenessError.invalidRequest("a frame is an 8-byte capture time in milliseconds, then a JPEG")
        }
        let jpeg = Array(buffer.readableBytesView.dropFirst(8))
        let observed: (frame: LiveFrame, mesh: [Point3]?)
        let answering = session.answering
        do {
            observed = try await engine.observeLive(
                jpeg, track: track, captureTime: Double(bitPattern: bits) / 1000, arrivalTime: arrival, limits: frameLimits,
                embed: reference != nil && faces.wantsMore, colour: session.wantsColour)
        } catch {
            // A full queue drops this frame, as a camera's frame the server had no time for; the next may fit.
            if error.code == .overloaded {
                metrics?.recordLiveFramesDropped()
                return nil
            }
            throw error
        }
        track = observed.mesh
        if let embedding = observed.frame.embedding { faces.add(embedding, answering: answering || session.answering) }
        let judged = now
        metrics?.recordLiveFrame(seconds: judged - arrival)
        return try await send(session.receive(observed.frame, now: judged))
    }

    /// Binds the session to the selfie's face: from now on each frame's face is described for ``judgeFaces(_:)``.
    func bind(_ reference: FaceReference?) {
        self.reference = reference
    }

    /// `outcome` with the same-face check applied (a bound session only): a session whose faces are not the
    /// selfie's fails with `face_mismatch` or `face_changed`, whatever its actions did. With the comparison. A
    /// session that already failed before it had enough faces to compare keeps its own reasons only.
    func judgeFaces(_ outcome: LiveOutcome) -> (outcome: LiveOutcome, match: FaceMatch?) {
        let policy = engine.faceMatchPolicy
        guard let reference, outcome.passed || faces.between.count >= policy.minimumFrames else { return (outcome, nil) }
        let (match, reasons) = faces.decide(reference: reference, policy: policy)
        var judged = outcome
        judged.reasons += reasons.filter { !judged.reasons.contains($0) }
        return (judged, match)
    }

    /// The clock between frames: a cue that is due, a session too long, or a silent client (`session_idle`).
    /// - Returns: the verdict and, for a silent client, that it was idle.
    func tick() async throws -> (outcome: LiveOutcome, idle: Bool)? {
        let time = now
        if time - lastFrame > limits.idleSeconds, session.outcome == nil {
            return try await send([session.fail(.reactionTooSlow)]).map { ($0, true) }
        }
        return try await send(session.tick(now: time)).map { ($0, false) }
    }

    /// Ends the session as failed (the client left or sent a bad frame after its first cue).
    func abandon() -> LiveOutcome {
        if case .finished(let outcome) = session.fail(.reactionTooSlow) { return outcome }
        return LiveOutcome(reasons: [.reactionTooSlow], steps: [], frames: 0)
    }

    /// Writes each event's message; returns the verdict when one is among them.
    private func send(_ events: [LiveEvent]) async throws -> LiveOutcome? {
        for event in events {
            if case .finished(let outcome) = event { return outcome }
            if case .cue = event { cued = true }
            if let message = LiveMessage(event) { try await write(message) }
        }
        return nil
    }

    func write(_ message: LiveMessage) async throws { try await Self.write(message, to: outbound) }

    /// Sends `message` as a text message on `outbound`.
    static func write(_ message: LiveMessage, to outbound: WebSocketOutboundWriter) async throws {
        try await outbound.write(.text(String(decoding: try encoder.encode(message), as: UTF8.self)))
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()
}
