import Foundation
import LivenessCore

extension EvaluationSample {
    /// The header of `results.csv`.
    public static let csvHeader = "path,truth,species,outcome,real_probability,requires_active_check,passed_silently,reasons"

    /// One row of `results.csv`: the outcome is the label or the error code; reasons are `;`-separated.
    public var csvRow: String {
        let truthText = species == nil ? "bona_fide" : "attack"
        let outcome: String
        var probability = ""
        var reasons: [String] = []
        switch answer {
        case .result(let label, let real, _, let why, _):
            outcome = label.rawValue
            probability = String(format: "%.6f", real)
            reasons = why
        case .error(let code):
            outcome = code
        }
        return [
            Self.quoted(path), truthText, Self.quoted(species ?? ""), outcome, probability, "\(requiresActiveCheck)",
            "\(passedSilently)", reasons.joined(separator: ";"),
        ].joined(separator: ",")
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { ",\"\n\r".contains($0) }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
