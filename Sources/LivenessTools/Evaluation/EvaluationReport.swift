import LivenessCore
/// An ISO/IEC 30107-3 style summary of labelled samples run through the service's pipeline and policy.
///
/// - APCER (per attack species) counts an attack as accepted when it passes with no active check;
///   APCER by label alone counts it accepted when labelled real. The worst species' APCER is the
///   system figure.
/// - BPCER counts bona fide presentations labelled fake; friction, those sent to the active check or
///   refused with an error; the no-face rate, those refused with `no_face`.
/// - Every rate has its Wilson 95 % interval. The threshold sweeps run over P(real) of the combined
///   score and of each model alone.
public struct EvaluationReport: Encodable, Sendable {
    public struct Species: Encodable, Sendable {
        public var species: String
        public var n: Int
        public var labelledFake: Int
        public var neededActiveCheck: Int
        public var passedSilently: Int
        public var noFace: Int
        /// Accepted = passed with no active check.
        public var apcer: Proportion
        /// Accepted = labelled real.
        public var apcerByLabel: Proportion
    }

    public struct BonaFide: Encodable, Sendable {
        public var n: Int
        public var bpcer: Proportion
        public var friction: Proportion
        public var noFace: Proportion
    }

    /// One score's sweep: the combination or a model alone.
    public struct Sweep: Encodable, Sendable {
        public var name: String
        public var scored: Int
        public var equalErrorRate: Double?
        public var equalErrorThreshold: Double?
        /// BPCER at APCER <= 1 %, 5 %, 10 % (and the threshold that gives it).
        public var bpcerAtAPCER: [String: ThresholdSweep.Point]
        public var points: [ThresholdSweep.Point]
    }

    public var species: [Species]
    /// The worst species' APCER: the system figure.
    public var systemAPCER: Proportion?
    public var systemSpecies: String?
    public var bonaFide: BonaFide
    public var sweeps: [Sweep]
    public var confidenceThreshold: Double
    public var policy: String

    public init(samples: [EvaluationSample], models: [String], confidenceThreshold: Double, policy: String) {
        self.confidenceThreshold = confidenceThreshold
        self.policy = policy
        let attacks = samples.filter { $0.species != nil }
        species = Set(attacks.compactMap(\.species)).sorted().map { name in
            let group = attacks.filter { $0.species == name }
            return Species(
                species: name, n: group.count, labelledFake: group.count(where: \.labelledFake),
                neededActiveCheck: group.count(where: \.requiresActiveCheck),
                passedSilently: group.count(where: \.passedSilently), noFace: group.count(where: \.noFace),
                apcer: Proportion(group.count(where: \.passedSilently), of: group.count),
                apcerByLabel: Proportion(group.count(where: \.labelledReal), of: group.count))
        }
        let worst = species.max { $0.apcer.rate < $1.apcer.rate }
        systemAPCER = worst?.apcer
        systemSpecies = worst?.species
        let bona = samples.filter { $0.species == nil }
        bonaFide = BonaFide(
            n: bona.count, bpcer: Proportion(bona.count(where: \.labelledFake), of: bona.count),
            friction: Proportion(bona.count(where: \.friction), of: bona.count),
            noFace: Proportion(bona.count(where: \.noFace), of: bona.count))
        let scores: [(String, (EvaluationSample) -> Double?)] =
            [("combined", { $0.realProbability })] + models.map { model in (model, { $0.realProbability(model: model) }) }
        sweeps = scores.map { name, score in
            let sweep = ThresholdSweep(
                attackScores: attacks.compactMap(score), bonaFideScores: bona.compactMap(score))
            var at: [String: ThresholdSweep.Point] = [:]
            for target in [0.01, 0.05, 0.10] { at["\(Int(target * 100))%"] = sweep.bpcer(atAPCER: target) }
            return Sweep(
                name: name, scored: sweep.attacks + sweep.bonaFide, equalErrorRate: sweep.equalErrorRate?.rate,
                equalErrorThreshold: sweep.equalErrorRate?.threshold, bpcerAtAPCER: at, points: sweep.points)
        }
    }
}
