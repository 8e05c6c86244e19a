import LivenessCore

extension Components.Schemas.FaceMatch {
    /// The same-face check of a bound challenge, as a blink answer and a challenge's last attempt carry it.
    public init(_ match: LivenessCore.FaceMatch) {
        self.init(matched: match.matched, distance: match.distance.map(WireRounding.score))
    }
}
