import Foundation
import LivenessCore

/// What `liveness check` found for one file.
struct CheckOutcome: Sendable {
    var result: Result<PassiveResult, LivenessError>
    var annotationProblem: String?

    /// The API's JSON body on one line.
    func json() -> String {
        switch result {
        case .success(let value): JSONLine.encode(LivenessReport(value))
        case .failure(let error): JSONLine.encode(ErrorReport(error))
        }
    }

    /// One line for people.
    func summary(for path: String) -> String {
        switch result {
        case .success(let value):
            let box = value.face.box
            let active = value.requiresActiveCheck ? "yes (\(value.reasons.joined(separator: ", ")))" : "no"
            return String(
                format: "%@: %@ score %.4f, P(real) %.4f, face %d,%d %dx%d (%.3f), faces %d, active check: %@",
                path, value.label.rawValue, value.confidenceScore, value.realProbability, box.x, box.y, box.width,
                box.height, Double(value.face.confidence), value.face.faceCount, active)
        case .failure(let error):
            return "\(path): error \(error.code): \(error.message)"
        }
    }
}
