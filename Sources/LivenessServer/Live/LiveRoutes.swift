import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import LivenessCore
import NIOCore
import NIOWebSocket

/// `GET /live/{challenge_id}` upgraded to a WebSocket: the live session for a challenge that `POST /liveness`
/// issued (docs/active-check.md, "The live session").
///
/// Every upgrade to the path is accepted, and a session that cannot run is refused on the socket: an `error`
/// message with the API's code and message, then a close frame (policy violation) whose reason is the code.
/// Browsers cannot read an upgrade's HTTP answer, and Hummingbird answers every refused upgrade with the same
/// empty 400, so the socket is the only place a reason reaches the client. Refused: a missing or wrong API key
/// (`X-API-KEY` or `Authorization: Bearer`, as everywhere: `API_KEY`, `API_KEYS`; or, for browsers, the
/// subprotocol `liveness.key.<base64url key>` beside `liveness.v1`, which the answer selects), a malformed or unknown
/// challenge, one of another key, one used or with a session open (`challenge_used`), an engine still loading or
/// without Face Mesh, a challenge store that is down (`storage_unavailable`), and a key past its open sessions
/// (`rate_limited`). On the socket the client sends binary
/// frames (``LiveConnection/frame(_:arrival:)``) and receives ``LiveMessage``s; the session ends with a `result`
/// message carrying a signed `result_token` (kind `live_session`), or an `error` message, and the socket
/// closes with the reason in its close frame. A session that got its first cue is an attempt on the
/// challenge however it ends; one that ends before is not. With `LIGHT_CHALLENGE` on for the key, a light code
/// follows the neutral start, unless the client asks for none (`?light=off`, for people who must not see
/// flashing colours): the token's `mode` then says `live`, not `live_light`. Limits: ``LiveServerLimits`` (sessions per key,
/// idle time), ``LiveFrameLimits`` (a frame's bytes and size), ``LivePolicy`` (frame rate, session length).
struct LiveRoutes: Sendable {
    let configuration: ServerConfiguration
    let state: ServiceState
    let challenges: ChallengeService
    let signer: ResultSigner
    let metrics: LivenessMetrics?
    let sessions: LiveSessionCount
    var policy: LivePolicy { configuration.livePolicy }
    var frameLimits: LiveFrameLimits { configuration.liveFrames }
    var limits: LiveServerLimits { configuration.liveLimits }

    init(
        configuration: ServerConfiguration, state: ServiceState, challenges: ChallengeService, signer: ResultSigner,
        metrics: LivenessMetrics? = nil
    ) {
        self.metrics = metrics
        self.configuration = configuration
        self.state = state
        self.challenges = challenges
        self.signer = signer
        self.sessions = LiveSessionCount(limit: configuration.liveLimits.sessionsPerKey)
    }

    /// The socket's path, as the router matches it.
    static let path: RouterPath = "/live/{challenge_id}"

    /// The router the server consults for upgrades.
    func router() -> Router<BasicWebSocketRequestContext> {
        let router = Router(context: BasicWebSocketRequestContext.self)
        router.middlewares.add(ErrorMiddleware(routes: RouteMethods([:])))
        router.ws(Self.path, shouldUpgrade: { request, _ in Self.accept(request) }) { inbound, outbound, context in
            await run(inbound, outbound, context)
        }
        return router
    }

    /// The WebSocket settings: a frame message may be as large as a frame with its capture time.
    var socketConfiguration: WebSocketServerConfiguration {
        WebSocketServerConfiguration(maxFrameSize: frameLimits.maxBytes + 8)
    }

    private func keyID(_ headers: HTTPFields) throws -> String? {
        try PresentedKey.keyID(headers, among: configuration.apiKeys, subprotocols: true)
    }

    private func challengeID(_ context: some RequestContext) throws -> String {
        let id = context.parameters.get("challenge_id") ?? ""
        guard Challenge.isWellFormed(id) else { throw APIError.invalidRequest(LivenessAPI.malformedChallengeID) }
        return id
    }

    /// Accepts the upgrade; a browser that offered protocols closes a socket whose answer selects none.
    static func accept(_ request: Request) -> RouterShouldUpgrade {
        .upgrade(PresentedKey.offersSocketProtocol(request.headers) ? [.secWebSocketProtocol: PresentedKey.socketProtocol] : [:])
    }

    /// Who may run a session on the challenge the path names, and on which engine.
    /// - Throws: what refuses it (``refusal(_:)`` turns it into the API's error).
    private func admit(_ request: Request, _ context: some RequestContext) async throws -> (
        key: String?, id: String, engine: any LivenessChecking
    ) {
        let key = try keyID(request.headers)
        let id = try challengeID(context)
        guard let engine = state.engine else { throw APIError.notReady }
        guard engine.supportsBlink else {
            throw APIError(LivenessError(.blinkUnavailable, "Face Mesh is not installed; run scripts/fetch-models"))
        }
        guard let challenge = try await challenges.status(id: id, apiKeyID: key) else { throw APIError.challengeNotFound }
        guard challenge.state == .open else { throw APIError.challengeUsed }
        return (key, id, engine)
    }

    /// The API error a session ends with: a challenge's own, or as every HTTP operation classifies it
    /// (``ErrorMiddleware``: the domain's codes, `storage_unavailable`, else a bare `internal_error`).
    static func refusal(_ error: any Error) -> APIError {
        (error as? ChallengeError)?.apiError ?? ErrorMiddleware<BasicWebSocketRequestContext>.classify(error)
    }

    /// Runs the session on an upgraded socket.
    private func run(
        _ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter, _ context: WebSocketRouterContext<BasicWebSocketRequestContext>
    ) async {
        let key: String?
        let id: String
        let engine: any LivenessChecking
        do {
            (key, id, engine) = try await admit(context.request, context.requestContext)
        } catch {
            await Self.end(outbound, refusing: Self.refusal(error))
            return
        }
        let slot = key ?? ""
        let connection = LiveConnection(
            engine: engine, outbound: outbound, policy: policy, frameLimits: frameLimits, limits: limits,
            light: configuration.lightChallenge.enabled(for: key) && context.request.uri.queryParameters["light"] != "off",
            metrics: metrics)
        guard sessions.enter(slot) else {
            let refusal = APIError.rateLimited(
                retryAfter: limits.idleSeconds, message: "this API key has \(limits.sessionsPerKey) live sessions open")
            await Self.end(outbound, refusing: refusal)
            return
        }
        defer { sessions.leave(slot) }
        let (frames, reader) = Self.read(inbound, connection, maxBytes: frameLimits.maxBytes + 8, metrics: metrics)
        let (last, reason) = await session(id: id, key: key, engine: engine, connection: connection, frames: frames)
        await Self.end(outbound, last, reason: reason)
        // The socket's messages have one reader: it must be gone before the handler returns.
        reader.cancel()
        await reader.value
    }

    /// The session on challenge `id`, attempted under `key`: the last message to send, and the close reason.
    private func session(
        id: String, key: String?, engine: any LivenessChecking, connection: LiveConnection, frames: AsyncStream<Inbound>
    ) async -> (LiveMessage, String) {
        var closing = "closed"
        do {
            let (challenge, outcome) = try await challenges.attemptLive(id: id, apiKeyID: key) { challenge in
                await connection.bind(challenge.reference)
                let (conversed, reason) = try await Self.converse(frames, connection, tick: limits.tickSeconds)
                let judged = await connection.judgeFaces(conversed)
                closing = reason ?? (judged.outcome.reasons.first?.rawValue ?? "passed")
                return judged
            }
            var result = LiveMessage(type: "result")
            result.passed = outcome.passed
            result.reasons = outcome.reasons.map(\.rawValue)
            result.challengeID = id
            result.resultToken = try await signer.sign(
                kind: "live_session", decision: outcome.passed ? "passed" : "failed", score: nil,
                reasons: outcome.reasons.map(\.rawValue), challengeID: id, requestID: UUID.randomIdentifier(), media: nil,
                modelVersion: engine.modelVersion, audience: key, faceBound: challenge.faceBound, challengeType: challenge.type,
                mode: outcome.lightChecked ? .liveLight : .live)
            return (result, closing)
        } catch {
            let refusal = Self.refusal(error)
            return (.error(refusal), refusal.identifier)
        }
    }

    /// Ends the socket with `refusal`: its `error` message, and its code as the close reason.
    private static func end(_ outbound: WebSocketOutboundWriter, refusing refusal: APIError) async {
        await end(outbound, .error(refusal), reason: refusal.identifier)
    }

    /// Sends the last message and closes with `reason`; a client that already left is not an error.
    private static func end(_ outbound: WebSocketOutboundWriter, _ message: LiveMessage, reason: String) async {
        try? await LiveConnection.write(message, to: outbound)
        let code: WebSocketErrorCode = message.type == "result" ? .normalClosure : .policyViolation
        try? await outbound.close(code, reason: reason)
    }

    /// What the socket reader hands the session: a frame with its arrival time, or a bad message.
    enum Inbound: Sendable {
        case frame(ByteBuffer, arrival: Double)
        case refused(LivenessError)
    }

    /// Reads the socket's messages into a stream, each stamped as it is read; only the newest two wait while one
    /// is observed, so a server that falls behind drops frames rather than judging late arrivals as a client's.
    /// The reader ends with the socket or when cancelled.
    static func read(
        _ inbound: WebSocketInboundStream, _ connection: LiveConnection, maxBytes: Int, metrics: LivenessMetrics?
    ) -> (AsyncStream<Inbound>, Task<Void, Never>) {
        let (frames, arrivals) = AsyncStream.makeStream(of: Inbound.self, bufferingPolicy: .bufferingNewest(2))
        let reader = Task {
            defer { arrivals.finish() }
            do {
                for try await message in inbound.messages(maxSize: maxBytes) {
                    guard case .binary(let buffer) = message else {
                        arrivals.yield(.refused(.invalidRequest("frames are binary messages: an 8-byte capture time, then a JPEG")))
                        return
                    }
                    if case .dropped = arrivals.yield(.frame(buffer, arrival: connection.now)) { metrics?.recordLiveFramesDropped() }
                }
            } catch {
                // A broken or cancelled socket ends the stream like a closed one.
            }
        }
        return (frames, reader)
    }

    /// Judges the frames and checks the clock every `tick` seconds until the session has a verdict; with the close
    /// reason when it is not the verdict's own (`session_idle`, the code of a bad frame, `closed`).
    /// - Throws: a bad frame's ``LivenessError``, or ``LivenessError`` `invalid_request` for a socket closed,
    ///   before the first cue (no attempt is counted).
    static func converse(_ frames: AsyncStream<Inbound>, _ connection: LiveConnection, tick: Double) async throws
        -> (LiveOutcome, String?)
    {
        return try await withThrowingTaskGroup(of: (LiveOutcome, String?).self) { group in
            group.addTask {
                do {
                    for await item in frames {
                        switch item {
                        case .frame(let buffer, let arrival):
                            if let outcome = try await connection.frame(buffer, arrival: arrival) { return (outcome, nil) }
                        case .refused(let error):
                            throw error
                        }
                    }
                } catch let error as LivenessError {
                    guard await connection.cued else { throw error }
                    return (await connection.abandon(), error.code.rawValue)
                }
                try Task.checkCancellation()
                guard await connection.cued else { throw LivenessError.invalidRequest("the socket closed before the first cue") }
                return (await connection.abandon(), "closed")
            }
            group.addTask {
                while true {
                    try await Task.sleep(for: .milliseconds(Int(tick * 1000)))
                    if let (outcome, idle) = try await connection.tick() { return (outcome, idle ? "session_idle" : nil) }
                }
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw LivenessError(.internalError, "the session ended without a verdict") }
            return first
        }
    }
}
