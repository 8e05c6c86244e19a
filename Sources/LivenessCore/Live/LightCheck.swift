/// Judges a light code: did the face's skin, relative to the background, shift towards each colour while it
/// showed, in order?
///
/// Each frame's face and background chromaticities are compared with their baseline (the frames before the first
/// colour could show). For one delay (searched between ``LightPolicy/minLag`` and ``LightPolicy/maxLag``: the
/// cross-correlation of the frames' shifts with the code), the frames arriving while each colour showed, shifted
/// by that delay, give the colour's response: the face's shift minus the background's. The decoded colour is the
/// palette colour whose direction (its chromaticity minus the face's baseline) the response points along most;
/// every decoded colour must be the code's, with a shift of at least ``LightPolicy/minResponse``. A screen replay
/// lit by the colours moves the background as much as the face (no response); a renderer that does not know the
/// code shows the wrong colours or the right ones at the wrong time.
public struct LightCheck: Hashable, Sendable {
    public let policy: LightPolicy

    public init(policy: LightPolicy) {
        self.policy = policy
    }

    /// One frame's sample, stamped with its arrival on the server's clock.
    public struct Sample: Hashable, Sendable {
        public var arrival: Double
        public var colour: LiveColour

        public init(arrival: Double, colour: LiveColour) {
            self.arrival = arrival
            self.colour = colour
        }
    }

    /// The verdict: the delay that fits best, and the colour decoded for each flash (nil: no frame, or no shift).
    public struct Verdict: Hashable, Sendable {
        public var lag: Double
        public var decoded: [LightColour?]
        public var responses: [Double]
        public var passed: Bool
    }

    /// The verdict on `samples` for `flashes` (in order, as shown).
    public func judge(_ samples: [Sample], flashes: [LightFlash]) -> Verdict {
        let chromas = samples.map { (arrival: $0.arrival, face: $0.colour.face.chroma, background: $0.colour.background.chroma) }
        let start = (flashes.first?.start ?? -Double.infinity) + policy.minLag
        let before = chromas.filter { $0.arrival < start }
        guard !flashes.isEmpty, let faceBase = RGB.median(before.map(\.face)), let backgroundBase = RGB.median(before.map(\.background)) else {
            return Verdict(lag: 0, decoded: flashes.map { _ in nil }, responses: flashes.map { _ in 0 }, passed: false)
        }
        let directions = Dictionary(uniqueKeysWithValues: LightColour.allCases.map { ($0, Self.unit($0.rgb.chroma - faceBase)) })
        func responses(lag: Double) -> [RGB?] {
            flashes.map { flash in
                let frames = chromas.filter { $0.arrival >= flash.start + lag && $0.arrival < flash.end + lag }
                guard let face = RGB.mean(frames.map(\.face)), let background = RGB.mean(frames.map(\.background)) else { return nil }
                return (face - faceBase) - (background - backgroundBase)
            }
        }
        var best = (lag: policy.minLag, score: -Double.infinity)
        for lag in stride(from: policy.minLag, through: policy.maxLag + 1e-9, by: 0.02) {
            let score = zip(responses(lag: lag), flashes).reduce(0.0) { sum, pair in
                sum + (pair.0.map { $0.dot(directions[pair.1.colour]!) } ?? 0)
            }
            if score > best.score { best = (lag, score) }
        }
        let found = responses(lag: best.lag)
        var decoded: [LightColour?] = []
        var shifts: [Double] = []
        for (response, flash) in zip(found, flashes) {
            guard let response else {
                decoded.append(nil)
                shifts.append(0)
                continue
            }
            let along = response.dot(directions[flash.colour]!)
            let nearest = LightColour.allCases.max { response.dot(directions[$0]!) < response.dot(directions[$1]!) }
            decoded.append(along >= policy.minResponse ? nearest : nil)
            shifts.append(along)
        }
        let passed = zip(decoded, flashes).allSatisfy { $0.0 == $0.1.colour }
        return Verdict(lag: best.lag, decoded: decoded, responses: shifts, passed: passed)
    }

    static func unit(_ vector: RGB) -> RGB {
        let length = vector.length
        return length > 0 ? vector * (1 / length) : vector
    }
}
