extension ActionChallenge {
    /// The challenge written as `ACTION@CUE-END,...` (seconds), e.g. `turn_left@0.8-2.1,blink@2.1-3.5`: the
    /// command line's form.
    public init?(text: String) {
        var steps: [ActionStep] = []
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: "@")
            guard pieces.count == 2, let action = FaceAction(rawValue: String(pieces[0])) else { return nil }
            let times = pieces[1].split(separator: "-").compactMap { Double($0) }
            guard times.count == 2, times[0] >= 0, times[1] > times[0] else { return nil }
            steps.append(ActionStep(action: action, cue: times[0], end: times[1]))
        }
        guard !steps.isEmpty else { return nil }
        self.init(steps: steps)
    }

    /// The `ACTION@CUE-END,...` form of the challenge.
    public var text: String {
        steps.map { "\($0.action.rawValue)@\(Self.format($0.cue))-\(Self.format($0.end))" }.joined(separator: ",")
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
