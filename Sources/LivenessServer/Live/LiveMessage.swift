import LivenessCore

/// One JSON text message of the live session's socket, server to client. `type` says which fields it has:
/// `framing` (`framing`), `hold_still`, `cue` (`step`, `of`, `action`), `step_done` (`step`, `action`,
/// `reaction`), `flash` (`step`, `of`, `colour` `#rrggbb`, `ms`; `colour` absent: the code is over), `light`
/// (`light`: `passed` or `too_bright`), `result` (`passed`, `reasons`, `result_token`, `challenge_id`), `error`
/// (`code`, `message`), the last before the socket closes.
struct LiveMessage: Encodable, Sendable, Equatable {
    var type: String
    var framing: String?
    var step: Int?
    var of: Int?
    var action: String?
    var reaction: Double?
    var colour: String?
    var ms: Int?
    var light: String?
    var passed: Bool?
    var reasons: [String]?
    var resultToken: String?
    var challengeID: String?
    var code: String?
    var message: String?

    enum CodingKeys: String, CodingKey {
        case type, framing, step, of, action, reaction, colour, ms, light, passed, reasons, code, message
        case resultToken = "result_token"
        case challengeID = "challenge_id"
    }

    init(type: String) { self.type = type }

    /// The message of a session event (the verdict's is made by the runner, which signs it).
    init?(_ event: LiveEvent) {
        switch event {
        case .framing(let framing):
            self.init(type: "framing")
            self.framing = framing.rawValue
        case .holdStill:
            self.init(type: "hold_still")
        case .cue(let step, let of, let action):
            self.init(type: "cue")
            self.step = step
            self.of = of
            self.action = action.rawValue
        case .stepDone(let step, let action, let reaction):
            self.init(type: "step_done")
            self.step = step
            self.action = action.rawValue
            self.reaction = (reaction * 1000).rounded() / 1000
        case .flash(let index, let of, let colour, let milliseconds):
            self.init(type: "flash")
            self.step = index
            self.of = of
            self.colour = colour.css
            self.ms = milliseconds
        case .flashEnd:
            self.init(type: "flash")
        case .light(let status):
            self.init(type: "light")
            self.light = status.rawValue
        case .finished:
            return nil
        }
    }

    /// The error message sent before the socket closes on bad input or a refused session.
    static func error(_ refusal: APIError) -> LiveMessage {
        var error = LiveMessage(type: "error")
        error.code = refusal.identifier
        error.message = refusal.message
        return error
    }
}
