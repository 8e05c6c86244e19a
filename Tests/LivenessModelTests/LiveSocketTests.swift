import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import HummingbirdWSTesting
import HummingbirdWebSocket
import LivenessCore
import LivenessServer
import LivenessTools
import LivenessWire
import NIOCore
import ServerTestSupport
import Testing
import TestSupport

/// The live session over its WebSocket, end to end: a responsive client streams rendered frames in real time
/// and passes with a signed token and a passed challenge; a missing key is refused before the upgrade; a text
/// frame and a socket closed before the first cue end cleanly and leave the challenge open.
@Suite("Live session socket", .serialized)
struct LiveSocketTests {
    static let key = "live-key"
    /// An engine of the suite's own, every selfie opening a challenge: the shared ones may hold other suites' clip
    /// analyses in their queues for seconds, and a live session's frames would wait behind them.
    static let engine = Task {
        var configuration = PassiveConfiguration(modelDirectory: Fixtures.models, workers: 2, maxQueue: 64)
        configuration.activeCheck = .always
        return try await LivenessEngine(configuration: configuration)
    }
    static var headers: HTTPFields { [HTTPField.Name("X-API-KEY")!: key] }

    func app(_ change: @escaping (inout ServerConfiguration) -> Void = { _ in }) async throws -> some ApplicationProtocol {
        try await TestApp.make(
            {
                $0.apiKeys = [Self.key]
                change(&$0)
            }, engine: .own(Self.engine))
    }

    func challenge(_ client: some TestClientProtocol) async throws -> String {
        let still = try Fixtures.bytes(Renders.still)
        return try #require(try await ChallengeClient.issue(client, key: Self.key, selfie: still).challengeId)
    }

    /// An 8-byte big-endian capture time in milliseconds, then the JPEG.
    static func frame(_ jpeg: [UInt8], captureMilliseconds: Double) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInteger(captureMilliseconds.bitPattern)
        buffer.writeBytes(jpeg)
        return buffer
    }

    /// The responsive client's frames, rendered before the session so that streaming them keeps real time on a busy
    /// machine: the still, and each action's frames from its start at 15 fps, held 1 s. The client still shows an
    /// action only after its cue arrives.
    static let frames = Task { () -> [String: [[UInt8]]] in
        let renderer = try await LiveClient.renderer(try await engine.value)
        var frames: [String: [[UInt8]]] = [:]
        let still = RenderScript(actions: [], seconds: 1, fps: LiveClient.fps)
        frames["neutral"] = [try await onThread { try renderer.value.frame(at: 0, script: still, index: 0).encoded(as: ".jpg") }]
        for action in FaceAction.allCases {
            let movement = RenderedAction(action: action, start: 0, amount: RenderScript.amount(action), hold: action == .blink ? nil : 1.0)
            let script = RenderScript(actions: [movement], seconds: movement.duration, fps: LiveClient.fps)
            var jpegs: [[UInt8]] = []
            for index in 0...Int(movement.duration * Double(LiveClient.fps)) {
                let time = Double(index) / Double(LiveClient.fps)
                jpegs.append(try await onThread { try renderer.value.frame(at: time, script: script, index: index).encoded(as: ".jpg") })
            }
            frames[action.rawValue] = jpegs
        }
        return frames
    }

    /// Plays a responsive client on the socket at `url`: camera-paced frames (``frames``), each cued action shown
    /// from 0.35 s after its cue arrives. Returns the last message (`result` or `error`) and the close frame.
    static func respond(_ client: some TestClientProtocol, url: String) async throws -> (answer: [String: Any], close: WebSocketCloseFrame?) {
        let frames = try await Self.frames.value
        let shown = Locked<[(action: String, start: Double)]>([])
        let result = Locked<String?>(nil)
        let start = ContinuousClock.now
        @Sendable func elapsed() -> Double {
            let time = ContinuousClock.now - start
            return Double(time.components.seconds) + Double(time.components.attoseconds) * 1e-18
        }
        let close = try await client.ws(url, configuration: .init(additionalHeaders: Self.headers)) { inbound, outbound, _ in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for index in 0..<(25 * LiveClient.fps) {
                        let due = Double(index) / Double(LiveClient.fps)
                        let wait = due - elapsed()
                        // A camera does not catch up: a frame whose moment has passed is not taken.
                        if wait < -0.5 / Double(LiveClient.fps) { continue }
                        if wait > 0 { try await Task.sleep(for: .milliseconds(Int(wait * 1000))) }
                        var jpeg = frames["neutral"]![0]
                        if let last = shown.value.last, due >= last.start, let clip = frames[last.action] {
                            let offset = Int((due - last.start) * Double(LiveClient.fps))
                            if offset < clip.count { jpeg = clip[offset] }
                        }
                        try await outbound.write(.binary(Self.frame(jpeg, captureMilliseconds: 5000 + elapsed() * 1000)))
                    }
                }
                for try await message in inbound.messages(maxSize: 1 << 16) {
                    guard case .text(let text) = message,
                        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
                    else { continue }
                    if json["type"] as? String == "cue", let action = json["action"] as? String {
                        let begin = elapsed() + 0.35
                        shown.update { $0.append((action, begin)) }
                    }
                    if json["type"] as? String == "result" || json["type"] as? String == "error" {
                        result.update { $0 = text }
                        break
                    }
                }
                group.cancelAll()
            }
        }
        let text = try #require(result.value)
        return (try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]), close)
    }

    @Test(
        "ACTIVE_CHALLENGE=live: a responsive client streaming camera frames in real time to the fallback's live_url passes; the challenge is passed, its face compared, and the token signed"
    )
    func responsive() async throws {
        try await app { $0.activeChallenge = .live }.test(.live) { client in
            let still = try Fixtures.bytes(Renders.still)
            let fallback = try await ChallengeClient.issue(client, key: Self.key, selfie: still)
            let id = try #require(fallback.challengeId)
            #expect(fallback.challengeType == .live && fallback.faceBound == true)
            let (answer, close) = try await Self.respond(client, url: try #require(fallback.liveUrl))
            #expect(answer["type"] as? String == "result")
            #expect(answer["passed"] as? Bool == true)
            #expect((answer["reasons"] as? [String]) == [])
            let token = try #require(answer["result_token"] as? String)
            let claims = try Self.claims(token)
            #expect(claims["kind"] as? String == "live_session")
            #expect(claims["decision"] as? String == "passed")
            #expect(claims["mode"] as? String == "live" && claims["challenge_type"] as? String == "live")
            #expect(claims["face_bound"] as? Bool == true)
            #expect(close?.closeCode == .normalClosure)
            let status = try await ChallengeClient.status(client, id, key: Self.key).decoded(Components.Schemas.ChallengeStatus.self)
            #expect(status.status == .passed)
            let match = try #require(status.lastAttempt?.faceMatch, "the live session's faces were compared with the selfie's")
            #expect(match.matched && (match.distance ?? 1) < 0.3)
        }
    }

    @Test("Another person's live session for the selfie fails face_mismatch: every frame's face is compared (attack: a helper does the actions)")
    func anotherPerson() async throws {
        try await app { $0.activeChallenge = .live }.test(.live) { client in
            // The selfie is the blink clips' man; the responsive client streams the render of another man.
            let fallback = try await ChallengeClient.issue(client, key: Self.key, selfie: try await onThread { Videos.selfie })
            let id = try #require(fallback.challengeId)
            #expect(fallback.faceBound == true)
            let (answer, _) = try await Self.respond(client, url: try #require(fallback.liveUrl))
            #expect(answer["type"] as? String == "result")
            #expect(answer["passed"] as? Bool == false)
            #expect((answer["reasons"] as? [String])?.contains("face_mismatch") == true, "\(answer)")
            let status = try await ChallengeClient.status(client, id, key: Self.key).decoded(Components.Schemas.ChallengeStatus.self)
            #expect(status.status == .open && status.lastAttempt?.faceMatch?.matched == false)
        }
    }

    /// The token's claims (its signature is checked by the token suites).
    static func claims(_ token: String) throws -> [String: Any] {
        let parts = token.split(separator: ".")
        try #require(parts.count == 3)
        var payload = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        payload += String(repeating: "=", count: (4 - payload.count % 4) % 4)
        let data = try #require(Data(base64Encoded: payload))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("LIVE_SESSIONS=false: the same upgrade with the key gets no socket")
    func off() async throws {
        try await TestApp.make(
            {
                $0.apiKeys = [Self.key]
                $0.liveSessions = false
            }, engine: .own(Self.engine)
        ).test(.live) { client in
            let id = try await challenge(client)
            await #expect(throws: (any Error).self) {
                try await client.ws("/live/\(id)", configuration: .init(additionalHeaders: Self.headers)) { _, _, _ in }
            }
        }
    }

    @Test(
        "Without the API key (or with a wrong one, or for an unknown challenge) the session is refused on the socket: an error message with the code, and the code as the close reason"
    )
    func unauthorized() async throws {
        try await app().test(.live) { client in
            let id = try await challenge(client)
            for (headers, path, code) in [
                (HTTPFields(), id, "unauthorized"), ([.init("X-API-KEY")!: "not-the-key"], id, "unauthorized"),
                (Self.headers, "0123456789abcdef0123456789abcdef", "challenge_not_found"),
                (Self.headers, "not-an-id", "invalid_request"),
            ] as [(HTTPFields, String, String)] {
                let (messages, close) = try await stream(client, path, count: 0, pause: 0, headers: headers)
                #expect(messages.count == 1 && messages[0].contains(#""code":"\#(code)""#), "\(messages)")
                #expect(messages.first?.contains(#""type":"error""#) == true)
                #expect(close?.closeCode == .policyViolation && close?.reason == code, "\(String(describing: close))")
            }
            let status = try await ChallengeClient.status(client, id, key: Self.key).decoded(Components.Schemas.ChallengeStatus.self)
            #expect(status.status == .open && status.lastAttempt == nil)
        }
    }

    @Test("A browser's key, offered as the subprotocol liveness.key.<base64url>, opens the session; a wrong one does not")
    func keyAsSubprotocol() async throws {
        try await app().test(.live) { client in
            let id = try await challenge(client)
            func offer(_ key: String) -> HTTPFields {
                let encoded = Data(key.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                    .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
                return [.secWebSocketProtocol: "liveness.v1, liveness.key.\(encoded)"]
            }
            let (refused, close) = try await stream(client, id, count: 0, pause: 0, headers: offer("not-the-key"))
            #expect(refused.first?.contains(#""code":"unauthorized""#) == true && close?.reason == "unauthorized", "\(refused)")
            let (messages, _) = try await stream(client, id, count: 12, pause: 0.07, until: "framing", headers: offer(Self.key))
            #expect(messages.contains { $0.contains("\"type\":\"framing\"") }, "\(messages)")
        }
    }

    @Test("LIGHT_CHALLENGE=on: after the neutral start the server sends the light code one colour at a time; ?light=off asks for none")
    func lightCode() async throws {
        try await app { $0.lightChallenge = .on }.test(.live) { client in
            let id = try await challenge(client)
            let (messages, _) = try await stream(client, id, count: 40, pause: 1.0 / 15, until: "flash")
            let flash = try #require(messages.last, "\(messages)")
            #expect(flash.contains("\"type\":\"flash\"") && flash.contains("\"step\":0") && flash.contains("\"colour\":\"#"), "\(flash)")
            #expect(!messages.contains { $0.contains("\"type\":\"cue\"") }, "no cue before the code")

            let other = try await challenge(client)
            let (plain, _) = try await stream(client, other, count: 60, pause: 1.0 / 15, until: "cue", query: "?light=off")
            #expect(plain.last?.contains("\"type\":\"cue\"") == true, "\(plain)")
            #expect(!plain.contains { $0.contains("\"type\":\"flash\"") })
        }
    }

    @Test("LIVE_SESSIONS_PER_KEY: a key's session past its limit is refused with rate_limited while the first is open")
    func sessionsPerKey() async throws {
        try await app { $0.liveLimits.sessionsPerKey = 1 }.test(.live) { client in
            let first = try await challenge(client)
            let second = try await challenge(client)
            let refused = Locked<[String]>([])
            _ = try await client.ws("/live/\(first)", configuration: .init(additionalHeaders: Self.headers)) { _, outbound, _ in
                try await Task.sleep(for: .milliseconds(300))
                let (messages, _) = try await stream(client, second, count: 1, pause: 0)
                refused.update { $0 = messages }
                try await outbound.close(.normalClosure, reason: nil)
            }
            #expect(refused.value.last?.contains("\"code\":\"rate_limited\"") == true, "\(refused.value)")
            // The first session's slot is given back when it ends: the key may open another.
            // (The server may take a moment to see the first socket close: a refusal uses no attempt, so retry.)
            let third = try await challenge(client)
            var messages: [String] = []
            for _ in 0..<20 {
                messages = try await stream(client, third, count: 12, pause: 0.07, until: "framing").messages
                if !messages.contains(where: { $0.contains("rate_limited") }) { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(messages.contains { $0.contains("\"type\":\"framing\"") }, "\(messages)")
        }
    }

    @Test("A text frame ends the session with invalid_request; closed before the first cue, the challenge stays open")
    func textFrame() async throws {
        try await app().test(.live) { client in
            let id = try await challenge(client)
            let error = Locked<String?>(nil)
            let close = try await client.ws("/live/\(id)", configuration: .init(additionalHeaders: Self.headers)) { inbound, outbound, _ in
                try await outbound.write(.text("hello"))
                for try await message in inbound.messages(maxSize: 1 << 16) {
                    if case .text(let text) = message { error.update { $0 = text } }
                }
            }
            #expect(error.value?.contains("\"code\":\"invalid_request\"") == true)
            #expect(close?.closeCode == .policyViolation)
            #expect(close?.reason == "invalid_request")
            let status = try await ChallengeClient.status(client, id, key: Self.key)
            #expect(try status.decoded(Components.Schemas.ChallengeStatus.self).status == .open)
        }
    }

    /// Streams `count` frames of the still (no action), `pause` seconds apart, stamped `capture(i)` milliseconds
    /// (nil: the real clock's), until the server sends a `type` message or closes; returns the messages and the
    /// close frame.
    func stream(
        _ client: some TestClientProtocol, _ id: String, count: Int, pause: Double, capture: (@Sendable (Int) -> Double)? = nil,
        until type: String? = nil, headers: HTTPFields = Self.headers, query: String = ""
    ) async throws -> (messages: [String], close: WebSocketCloseFrame?) {
        let engine = try await Self.engine.value
        let renderer = try await LiveClient.renderer(engine)
        let still = try await onThread { try renderer.value.frame(at: 0, script: RenderScript(actions: []), index: 0).encoded(as: ".jpg") }
        let messages = Locked<[String]>([])
        let close = try await client.ws("/live/\(id)\(query)", configuration: .init(additionalHeaders: headers)) { inbound, outbound, _ in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    let start = ContinuousClock.now
                    for index in 0..<count {
                        let elapsed = (ContinuousClock.now - start) / .milliseconds(1)
                        try await outbound.write(.binary(Self.frame(still, captureMilliseconds: capture?(index) ?? elapsed)))
                        if pause > 0 { try await Task.sleep(for: .milliseconds(Int(pause * 1000))) }
                    }
                }
                for try await message in inbound.messages(maxSize: 1 << 16) {
                    guard case .text(let text) = message else { continue }
                    messages.update { $0.append(text) }
                    if let type, text.contains("\"type\":\"\(type)\"") { break }
                }
                group.cancelAll()
            }
        }
        return (messages.value, close)
    }

    /// Whether the suite's engine holds no work within 2 s: a session that ended, however, holds no worker.
    func workersFree() async throws -> Bool {
        let engine = try await Self.engine.value
        for _ in 0..<40 {
            let load = engine.load
            if load.queued == 0 && load.busy == 0 { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    func status(_ client: some TestClientProtocol, _ id: String) async throws -> Components.Schemas.ChallengeStatus {
        try await ChallengeClient.status(client, id, key: Self.key).decoded(Components.Schemas.ChallengeStatus.self)
    }

    @Test("A flood of frames, 1 ms apart, fails not_real_time: a verdict, so the attempt is counted")
    func flood() async throws {
        try await app().test(.live) { client in
            let id = try await challenge(client)
            let before = try await status(client, id).attemptsLeft
            let (messages, close) = try await stream(client, id, count: 60, pause: 0, capture: { Double($0) })
            let result = try #require(messages.last)
            #expect(result.contains("\"reasons\":[\"not_real_time\"]"))
            #expect(close?.closeCode == .normalClosure && close?.reason == "not_real_time")
            #expect(try await status(client, id).attemptsLeft == before - 1)
            #expect(try await workersFree())
        }
    }

    @Test("A client that leaves after its first cue has used an attempt")
    func leftAfterCue() async throws {
        try await app().test(.live) { client in
            let id = try await challenge(client)
            let before = try await status(client, id).attemptsLeft
            let start = ContinuousClock.now
            let (messages, _) = try await stream(client, id, count: 60, pause: 1.0 / 15, until: "cue")
            #expect(messages.contains { $0.contains("\"type\":\"cue\"") })
            // The server notices the close and records the attempt.
            var left = before
            while left == before && ContinuousClock.now - start < .seconds(10) {
                try await Task.sleep(for: .milliseconds(100))
                left = try await status(client, id).attemptsLeft
            }
            #expect(left == before - 1)
            #expect(try await workersFree())
        }
    }

    @Test("A client that stops sending is ended after 5 s: session_idle")
    func idle() async throws {
        try await app().test(.live) { client in
            let id = try await challenge(client)
            let (messages, close) = try await stream(client, id, count: 3, pause: 1.0 / 15)
            #expect(messages.last?.contains("\"type\":\"result\"") == true)
            #expect(close?.reason == "session_idle", "\(messages)")
            #expect(try await workersFree())
        }
    }

    @Test("A second session on a challenge whose session is open is refused on its socket: challenge_used")
    func secondSession() async throws {
        try await app().test(.live) { client in
            let id = try await challenge(client)
            let second = Locked<(messages: [String], close: WebSocketCloseFrame?)>(([], nil))
            _ = try await client.ws("/live/\(id)", configuration: .init(additionalHeaders: Self.headers)) { _, outbound, _ in
                let engine = try await Self.engine.value
                let renderer = try await LiveClient.renderer(engine)
                let still = try await onThread { try renderer.value.frame(at: 0, script: RenderScript(actions: []), index: 0).encoded(as: ".jpg") }
                try await outbound.write(.binary(Self.frame(still, captureMilliseconds: 0)))
                try await Task.sleep(for: .milliseconds(300))
                let answer = try await stream(client, id, count: 0, pause: 0)
                second.update { $0 = answer }
            }
            #expect(second.value.messages.first?.contains(#""code":"challenge_used""#) == true, "\(second.value.messages)")
            #expect(second.value.close?.reason == "challenge_used")
        }
    }

    @Test("A frame over 400 kB closes the socket before the first cue: the challenge stays open")
    func oversized() async throws {
        try await app().test(.live) { client in
            let id = try await challenge(client)
            let close = try await client.ws("/live/\(id)", configuration: .init(additionalHeaders: Self.headers)) { inbound, outbound, _ in
                var buffer = ByteBuffer()
                buffer.writeInteger(Double(0).bitPattern)
                buffer.writeRepeatingByte(0xFF, count: 10 << 20)
                try await outbound.write(.binary(buffer))
                for try await _ in inbound.messages(maxSize: 1 << 16) {}
            }
            #expect(close != nil)
            #expect(try await status(client, id).status == .open)
            #expect(try await workersFree())
        }
    }

    @Test("A frame that is not a JPEG (a PNG) ends the session with invalid_image; before the first cue the challenge stays open")
    func notJPEG() async throws {
        try await app().test(.live) { client in
            let id = try await challenge(client)
            let png = try Fixtures.bytes(Renders.still)
            let error = Locked<String?>(nil)
            let close = try await client.ws("/live/\(id)", configuration: .init(additionalHeaders: Self.headers)) { inbound, outbound, _ in
                try await outbound.write(.binary(Self.frame(Array(png.prefix(300_000)), captureMilliseconds: 0)))
                for try await message in inbound.messages(maxSize: 1 << 16) {
                    if case .text(let text) = message { error.update { $0 = text } }
                }
            }
            #expect(error.value?.contains("\"code\":\"invalid_image\"") == true, "\(String(describing: error.value))")
            #expect(close?.closeCode == .policyViolation && close?.reason == "invalid_image")
            #expect(try await status(client, id).status == .open)
            #expect(try await workersFree())
        }
    }
}
