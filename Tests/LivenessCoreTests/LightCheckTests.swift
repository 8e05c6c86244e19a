import LivenessCore
import Testing

/// The light code's judge on synthetic colour samples: a face that reflects the colours in order passes; the whole
/// frame tinted alike, colours in another order, a reflection later than the allowed delay, and no reflection fail.
@Suite("Light check")
struct LightCheckTests {
    static let face = RGB(red: 180, green: 130, blue: 100)
    static let background = RGB(red: 120, green: 120, blue: 125)
    static let code: [(LightColour, Double)] = [(.red, 0.3), (.cyan, 0.35), (.yellow, 0.25), (.blue, 0.4), (.green, 0.3)]

    /// The code shown from 1 s on, back to back.
    static var flashes: [LightFlash] {
        var start = 1.0
        return code.map { colour, seconds in
            defer { start += seconds }
            return LightFlash(colour: colour, start: start, end: start + seconds)
        }
    }

    static func blend(_ colour: RGB, _ light: LightColour?, _ alpha: Double) -> RGB {
        guard let light else { return colour }
        let rgb = light.rgb
        return RGB(
            red: colour.red * (1 - alpha) + rgb.red * alpha, green: colour.green * (1 - alpha) + rgb.green * alpha,
            blue: colour.blue * (1 - alpha) + rgb.blue * alpha)
    }

    /// Samples at 15 fps for 4 s; a frame arriving at `t` shows the colour that `shows(t)` says, on the face with
    /// weight `face` and on the background with weight `background`, with a little deterministic noise.
    static func samples(face faceAlpha: Double, background backgroundAlpha: Double, shows: (Double) -> LightColour?) -> [LightCheck.Sample] {
        (0..<60).map { index in
            let arrival = Double(index) / 15
            let light = shows(arrival)
            let noise = Double((index * 7919) % 11 - 5) * 0.3
            let face = blend(Self.face, light, faceAlpha) + RGB(red: noise, green: -noise, blue: noise / 2)
            return LightCheck.Sample(
                arrival: arrival, colour: LiveColour(face: face, background: blend(Self.background, light, backgroundAlpha)))
        }
    }

    /// The colour on the screen at `t` when each flash shows `lag` seconds after it was sent, in `order`.
    static func showing(lag: Double, order: [LightColour]? = nil) -> (Double) -> LightColour? {
        let flashes = Self.flashes
        return { time in
            guard let index = flashes.firstIndex(where: { time >= $0.start + lag && time < $0.end + lag }) else { return nil }
            return (order ?? flashes.map(\.colour))[index]
        }
    }

    let check = LightCheck(policy: LightPolicy())

    @Test("A face that reflects each colour 0.2 s after it is sent passes, with that delay found")
    func reflected() {
        let verdict = check.judge(Self.samples(face: 0.15, background: 0.01, shows: Self.showing(lag: 0.2)), flashes: Self.flashes)
        #expect(verdict.passed, "\(verdict)")
        #expect(abs(verdict.lag - 0.2) <= 0.07, "\(verdict)")
        #expect(verdict.decoded == Self.code.map(\.0))
    }

    @Test("The whole frame tinted alike (a screen replay lit by the colours) fails")
    func wholeFrame() {
        let verdict = check.judge(Self.samples(face: 0.15, background: 0.15, shows: Self.showing(lag: 0.2)), flashes: Self.flashes)
        #expect(!verdict.passed, "\(verdict)")
    }

    @Test("The colours in another order fail")
    func wrongOrder() {
        let order: [LightColour] = [.cyan, .red, .blue, .yellow, .green]
        let verdict = check.judge(
            Self.samples(face: 0.15, background: 0.01, shows: Self.showing(lag: 0.2, order: order)), flashes: Self.flashes)
        #expect(!verdict.passed, "\(verdict)")
    }

    @Test("A reflection later than the allowed 0.6 s fails")
    func late() {
        let verdict = check.judge(Self.samples(face: 0.15, background: 0.01, shows: Self.showing(lag: 0.9)), flashes: Self.flashes)
        #expect(!verdict.passed, "\(verdict)")
    }

    @Test("No reflection fails")
    func none() {
        let verdict = check.judge(Self.samples(face: 0, background: 0, shows: Self.showing(lag: 0.2)), flashes: Self.flashes)
        #expect(!verdict.passed, "\(verdict)")
    }
}
