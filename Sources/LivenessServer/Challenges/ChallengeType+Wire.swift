import LivenessWire

extension Components.Schemas.ChallengeType {
    /// A challenge's type on the wire.
    init(_ type: ChallengeType) {
        switch type {
        case .actions: self = .actions
        case .blink: self = .blink
        case .live: self = .live
        }
    }
}
