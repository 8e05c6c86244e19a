import Foundation
import Testing
import TestSupport

/// `liveness evaluate` end to end on the fixture folder (``EvaluationFolder``), with its numbers worked out
/// by hand from the fixtures' outcomes.
@Suite("liveness evaluate")
struct EvaluateCommandTests {
    @Test("The fixture folder's report: per-species counts, the bona fide rates, the EER, and every file written")
    func fixtureFolder() async throws {
        try await withTemporaryFolder { folder in
            // Process waits and pixel loops on a thread of their own, not on the cooperative pool.
            let output = try await onThread {
                try EvaluationFolder.write(to: "\(folder)/set")
                return try CLIRunner.run(["evaluate", "\(folder)/set", "--out", "\(folder)/report"])
            }
            #expect(output.status == 0, "\(output.stderr)")
            for file in ["report.md", "report.json", "results.csv", "det.png", "det.svg"] {
                #expect(FileManager.default.fileExists(atPath: "\(folder)/report/\(file)"), "\(file)")
            }
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/report/report.json"))
            let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let species = try #require(report["species"] as? [[String: Any]])
            // print: F1 (fake, challenged) and F1 shrunk 7x (no_face); screen: F2 (fake, challenged).
            #expect(species.map { $0["species"] as? String } == ["print", "screen"])
            #expect(species[0]["n"] as? Int == 2 && species[0]["labelled_fake"] as? Int == 1)
            #expect(species[0]["needed_active_check"] as? Int == 1 && species[0]["no_face"] as? Int == 1)
            #expect(species[1]["n"] as? Int == 1 && species[1]["passed_silently"] as? Int == 0)
            let system = try #require(report["system_apcer"] as? [String: Any])
            #expect(system["count"] as? Int == 0)
            // Bona fide: three T1s pass silently; T1 shrunk 4x is recovered and labelled fake (challenged);
            // T1 shrunk 7x has no face. BPCER 1/5, friction 2/5, no_face 1/5.
            let bona = try #require(report["bona_fide"] as? [String: Any])
            #expect(bona["n"] as? Int == 5)
            #expect((bona["bpcer"] as? [String: Any])?["count"] as? Int == 1)
            #expect((bona["friction"] as? [String: Any])?["count"] as? Int == 2)
            #expect((bona["no_face"] as? [String: Any])?["count"] as? Int == 1)
            // Scored: attacks 0.072 and 0.181; bona fide 0.994 (x3) and 0.012. APCER and BPCER cross
            // between (0.5, 0.25) at t = 0.181 and (0, 0.25) at t = 0.994: EER 25 %.
            let sweeps = try #require(report["sweeps"] as? [[String: Any]])
            let combined = try #require(sweeps.first)
            #expect(combined["name"] as? String == "combined" && combined["scored"] as? Int == 6)
            #expect(abs((combined["equal_error_rate"] as? Double ?? -1) - 0.25) < 1e-9)
            #expect(sweeps.count == 3)
            let csv = try String(contentsOfFile: "\(folder)/report/results.csv", encoding: .utf8)
            #expect(csv.split(separator: "\n").count == 9)
            #expect(csv.contains("T1_shrunk4.png,bona_fide,,fake,"))
            #expect(csv.contains("small_face"))
            let png = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/report/det.png"))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        }
    }

    @Test("With the optional model as a veto, the report shows it alone, and its escalations in the counts")
    func vetoReport() async throws {
        try await withTemporaryFolder { folder in
            let output = try await onThread {
                try EvaluationFolder.write(to: "\(folder)/set")
                return try CLIRunner.run(
                    ["evaluate", "\(folder)/set", "--out", "\(folder)/report"],
                    environment: ["EXTRA_MODELS": FacenoxGolden.modelPath])
            }
            #expect(output.status == 0, "\(output.stderr)")
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/report/report.json"))
            let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let sweeps = try #require(report["sweeps"] as? [[String: Any]])
            #expect(sweeps.compactMap { $0["name"] as? String }.contains("facenox-MiniFAS-98.20"))
            #expect(sweeps.count == 4)
            // Label and score never change: BPCER stays 1/5 and the combined EER 25 %. facenox scores the
            // three full-size T1s live (0.9996 and above), so friction stays at the two shrunk T1s.
            let bona = try #require(report["bona_fide"] as? [String: Any])
            #expect((bona["bpcer"] as? [String: Any])?["count"] as? Int == 1)
            #expect((bona["friction"] as? [String: Any])?["count"] as? Int == 2)
            #expect(abs((sweeps.first?["equal_error_rate"] as? Double ?? -1) - 0.25) < 1e-9)
            let csv = try String(contentsOfFile: "\(folder)/report/results.csv", encoding: .utf8)
            #expect(csv.contains("model_veto"))
        }
    }

    @Test("A folder without bona_fide/ or attack/, or a bad manifest line, exits 2 with the reason")
    func badSets() async throws {
        try await withTemporaryFolder { folder in
            let empty = try await onThread { try CLIRunner.run(["evaluate", folder, "--out", "\(folder)/out"]) }
            #expect(empty.status == 2 && empty.stderr.contains("bona_fide/"))
            // Species folders with no file in them are not a set either.
            try FileManager.default.createDirectory(atPath: "\(folder)/attack/print", withIntermediateDirectories: true)
            let hollow = try await onThread { try CLIRunner.run(["evaluate", folder, "--out", "\(folder)/out"]) }
            #expect(hollow.status == 2 && hollow.stderr.contains("with files"))
            try Data("path,label,species\nx.jpg,maybe,print\n".utf8).write(to: URL(fileURLWithPath: "\(folder)/m.csv"))
            let manifest = try await onThread {
                try CLIRunner.run(["evaluate", "--manifest", "\(folder)/m.csv", "--out", "\(folder)/out"])
            }
            #expect(manifest.status == 2 && manifest.stderr.contains("line 2"))
        }
    }
}
