import LivenessCore

extension Components.Schemas.ReasonCode {
    /// The spec's code of a domain reason: the same raw value (`ReasonCodeTests` checks that every ``Reason`` has
    /// one, so the precondition cannot fail in a tested build).
    public init(_ reason: Reason) {
        guard let code = Self(rawValue: reason.rawValue) else { preconditionFailure("\(reason.rawValue) is not a ReasonCode of the spec") }
        self = code
    }

    /// Reason codes as stored (challenges keep them as text), as the spec's; a code the spec no longer lists
    /// is left out.
    public static func stored(_ codes: [String]) -> [Self] { codes.compactMap(Self.init(rawValue:)) }
}
