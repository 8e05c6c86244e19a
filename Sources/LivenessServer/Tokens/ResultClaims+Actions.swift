import LivenessCore

extension ResultClaims {
    /// The claims of an action challenge's steps, with whether each passed when `results` are given.
    static func actions(_ challenge: ActionChallenge, results: [ActionResult]? = nil) -> [Action] {
        challenge.steps.enumerated().map { index, step in
            Action(
                action: step.action.rawValue, cue: WireRounding.seconds(step.cue), end: WireRounding.seconds(step.end),
                passed: results.flatMap { index < $0.count ? $0[index].passed : nil })
        }
    }
}

import LivenessWire
