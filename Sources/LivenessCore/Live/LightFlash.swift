/// One colour of a light code as the server showed it: sent at `start`, replaced or ended at `end` (seconds on
/// the server's clock).
public struct LightFlash: Hashable, Sendable {
    public var colour: LightColour
    public var start: Double
    public var end: Double

    public init(colour: LightColour, start: Double, end: Double) {
        self.colour = colour
        self.start = start
        self.end = end
    }
}
