import Foundation
import LivenessCore

extension EvaluationReport {
    /// The report as Markdown, with the DET plot linked as `det.png`.
    public func markdown(title: String) -> String {
        var lines = ["# Evaluation: \(title)", ""]
        lines.append(
            "Policy `\(policy)`, `CONFIDENCE_THRESHOLD` \(confidenceThreshold). An attack is accepted (APCER) when it passes with no active check; rates with Wilson 95 % intervals."
        )
        lines += [
            "", "## Attacks", "", "| species | n | labelled fake | active check | passed silently | no_face | APCER | APCER by label |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for row in species {
            lines.append(
                "| \(row.species) | \(row.n) | \(row.labelledFake) | \(row.neededActiveCheck) | \(row.passedSilently) | \(row.noFace) | \(row.apcer.text) | \(row.apcerByLabel.text) |"
            )
        }
        if let system = systemAPCER, let name = systemSpecies {
            lines += ["", "**System APCER** (worst species, \(name)): \(system.text)"]
        }
        lines += [
            "", "## Bona fide (n = \(bonaFide.n))", "",
            "- BPCER (labelled fake): \(bonaFide.bpcer.text)",
            "- friction (active check or error): \(bonaFide.friction.text)",
            "- no_face: \(bonaFide.noFace.text)",
            "", "## Threshold sweep over P(real)", "", "![DET curve](det.png)", "",
            "| score | scored | EER | BPCER @ APCER 1 % | @ 5 % | @ 10 % |", "|---|---|---|---|---|---|",
        ]
        for sweep in sweeps {
            let eer = sweep.equalErrorRate.map { String(format: "%.1f %% (t = %.4f)", $0 * 100, sweep.equalErrorThreshold ?? 0) } ?? "n/a"
            let at = ["1%", "5%", "10%"].map { key in
                sweep.bpcerAtAPCER[key].map { String(format: "%.1f %%", $0.bpcer * 100) } ?? "n/a"
            }
            lines.append("| \(sweep.name) | \(sweep.scored) | \(eer) | \(at[0]) | \(at[1]) | \(at[2]) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
