import LivenessCore
import LivenessTools
import Testing

/// The evaluation's arithmetic on hand-made samples: what counts as accepted, Wilson intervals, the
/// threshold sweep and its EER.
@Suite("Evaluation metrics")
struct EvaluationMetricsTests {
    static func result(_ label: LivenessLabel, _ real: Double, active: Bool) -> EvaluationSample.Answer {
        .result(label: label, realProbability: real, requiresActiveCheck: active, reasons: [], models: ["m": real])
    }

    static let samples: [EvaluationSample] = [
        // mask: one silent pass, one labelled real but challenged, one fake.
        .init(path: "m1", truth: .attack(species: "mask"), answer: result(.real, 0.95, active: false)),
        .init(path: "m2", truth: .attack(species: "mask"), answer: result(.real, 0.70, active: true)),
        .init(path: "m3", truth: .attack(species: "mask"), answer: result(.fake, 0.10, active: true)),
        // print: both fake, one without a face.
        .init(path: "p1", truth: .attack(species: "print"), answer: result(.fake, 0.20, active: false)),
        .init(path: "p2", truth: .attack(species: "print"), answer: .error(code: "no_face")),
        // bona fide: two silent passes, one challenged real, one fake, one no_face.
        .init(path: "b1", truth: .bonaFide, answer: result(.real, 0.99, active: false)),
        .init(path: "b2", truth: .bonaFide, answer: result(.real, 0.98, active: false)),
        .init(path: "b3", truth: .bonaFide, answer: result(.real, 0.80, active: true)),
        .init(path: "b4", truth: .bonaFide, answer: result(.fake, 0.30, active: true)),
        .init(path: "b5", truth: .bonaFide, answer: .error(code: "no_face")),
    ]

    @Test("Per species, the system APCER and the bona fide rates count what the definitions say")
    func counts() throws {
        let report = EvaluationReport(samples: Self.samples, models: ["m"], confidenceThreshold: 0.85, policy: "adaptive")
        #expect(report.species.map(\.species) == ["mask", "print"])
        let mask = report.species[0]
        #expect((mask.n, mask.labelledFake, mask.neededActiveCheck, mask.passedSilently, mask.noFace) == (3, 1, 2, 1, 0))
        #expect(mask.apcer == Proportion(1, of: 3))
        #expect(mask.apcerByLabel == Proportion(2, of: 3))
        let print = report.species[1]
        #expect((print.n, print.labelledFake, print.passedSilently, print.noFace) == (2, 1, 0, 1))
        #expect(report.systemAPCER == Proportion(1, of: 3) && report.systemSpecies == "mask")
        #expect(report.bonaFide.n == 5)
        #expect(report.bonaFide.bpcer == Proportion(1, of: 5))
        #expect(report.bonaFide.friction == Proportion(3, of: 5))
        #expect(report.bonaFide.noFace == Proportion(1, of: 5))
    }

    @Test("Wilson 95 % intervals match the textbook values")
    func wilson() {
        let cases: [(Int, Int, Double, Double)] = [(0, 10, 0, 0.2775), (5, 10, 0.2366, 0.7634), (3, 16, 0.0659, 0.4301), (1, 5, 0.0362, 0.6245)]
        for (count, total, low, high) in cases {
            let interval = Proportion(count, of: total).interval
            #expect(abs(interval.low - low) < 1e-4 && abs(interval.high - high) < 1e-4, "\(count)/\(total): \(interval)")
        }
        #expect(Proportion(3, of: 16).text == "3/16 = 18.8 % [6.6, 43.0]")
    }

    @Test("The sweep: APCER and BPCER at each threshold, the interpolated EER, BPCER at a fixed APCER")
    func sweep() throws {
        // Attacks 0.95, 0.70, 0.10, 0.20; bona fide 0.99, 0.98, 0.80, 0.30 (errors are not scored).
        let sweep = ThresholdSweep(attackScores: [0.95, 0.70, 0.10, 0.20], bonaFideScores: [0.99, 0.98, 0.80, 0.30])
        let at = { (t: Double) in try #require(sweep.points.first { $0.threshold == t }) }
        #expect(try at(0.30).apcer == 0.5 && at(0.30).bpcer == 0)
        #expect(try at(0.80).apcer == 0.25 && at(0.80).bpcer == 0.25)
        #expect(try at(0.98).apcer == 0 && at(0.98).bpcer == 0.5)
        // APCER = BPCER = 0.25 at 0.80 exactly.
        let eer = try #require(sweep.equalErrorRate)
        #expect(abs(eer.rate - 0.25) < 1e-12)
        // APCER <= 10 % first at t = 0.98: BPCER 2/4 there (0.80 and 0.30 rejected).
        #expect(sweep.bpcer(atAPCER: 0.10)?.bpcer == 0.5)
        #expect(sweep.bpcer(atAPCER: 0.30)?.bpcer == 0.25)
        #expect(sweep.points.first?.apcer == 1 && sweep.points.last?.bpcer == 1)
    }

    @Test("The probit is the inverse of the normal CDF")
    func probit() {
        #expect(abs(Probit.of(0.5)) < 1e-9)
        #expect(abs(Probit.of(0.975) - 1.959963985) < 1e-6)
        #expect(abs(Probit.of(0.001) + 3.090232306) < 1e-6)
    }
}
