/// A light code being shown: the colours still to send, those sent with their times, and the frames' samples.
struct LightRun: Hashable, Sendable {
    /// The code: each colour and how long it shows (seconds), drawn when the run starts, sent one at a time.
    var colours: [LightColour]
    var seconds: [Double]
    var shown: [LightFlash] = []
    var samples: [LightCheck.Sample]
    /// When the next colour (or, after the last, the end of the code) is due.
    var nextAt: Double
    /// When the last colour was taken off the screen.
    var endedAt: Double?
}
