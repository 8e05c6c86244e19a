/// The ordered actions a clip must show, each in its slot: what the server asks for and then verifies.
///
/// ``random(layout:using:)`` draws 3 actions from ``FaceAction`` with none twice in a row (6 × 5 × 5 = 150
/// orders) and slot lengths from ``Layout/slotChoices`` after the neutral start (5³ = 125 layouts with the
/// defaults): 18,750 challenges, about 14.2 bits, each guessed with probability 1/18,750.
public struct ActionChallenge: Hashable, Sendable, Codable {
    public var steps: [ActionStep]

    public init(steps: [ActionStep]) {
        self.steps = steps
    }

    /// The requested actions in order.
    public var actions: [FaceAction] { steps.map(\.action) }

    /// The seconds of neutral face before the first cue.
    public var neutralEnd: Double { steps.first?.cue ?? 0 }

    /// Where the last slot ends: the length of recording the client needs.
    public var duration: Double { steps.last?.end ?? 0 }

    /// How slots are laid out.
    public struct Layout: Hashable, Sendable {
        /// Actions per challenge.
        public var count = 3
        /// The neutral start before the first cue, in seconds.
        public var neutralSeconds = 0.8
        /// The slot lengths drawn from, in seconds.
        public var slotChoices: [Double] = [1.2, 1.3, 1.4, 1.5, 1.6]

        public init() {}

        /// The number of different challenges: orders × slot layouts.
        public var combinations: Int {
            let actions = FaceAction.allCases.count
            let orders = actions * Int(pow(Double(actions - 1), Double(count - 1)))
            return orders * Int(pow(Double(slotChoices.count), Double(count)))
        }
    }

    /// A challenge drawn with `generator` (the system's secure generator unless a test passes its own).
    public static func random<G: RandomNumberGenerator>(layout: Layout = Layout(), using generator: inout G) -> ActionChallenge {
        var steps: [ActionStep] = []
        var cue = layout.neutralSeconds
        for _ in 0..<layout.count {
            let allowed = FaceAction.allCases.filter { $0 != steps.last?.action }
            let action = allowed[Int(generator.next(upperBound: UInt64(allowed.count)))]
            let slot = layout.slotChoices[Int(generator.next(upperBound: UInt64(layout.slotChoices.count)))]
            steps.append(ActionStep(action: action, cue: cue, end: cue + slot))
            cue += slot
        }
        return ActionChallenge(steps: steps)
    }

    /// A challenge from the system's secure generator.
    public static func random(layout: Layout = Layout()) -> ActionChallenge {
        var generator = SystemRandomNumberGenerator()
        return random(layout: layout, using: &generator)
    }
}

import Foundation
