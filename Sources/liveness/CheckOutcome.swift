import Foundation
import LivenessCore
import LivenessWire

/// What `liveness check` found for one file.
struct CheckOutcome: Sendable {
    var result: Result<PassiveResult, LivenessError>
    var annotationProblem: String?

    /// The API's JSON body on one line: what `POST /liveness` answers for the same image, with a fresh
    /// `request_id` and without `fallback` and `result_token`, which only the server issues.
    func json() -> String {
        switch result {
        case .success(let value):
            WireJSON.line(Components.Schemas.LivenessResponse(value, requestID: UUID().uuidString.lowercased()))
        case .failure(let error): WireJSON.line(Components.Schemas.ErrorResponse(error))
        }
    }

    /// One line for people.
    func summary(for path: String) -> String {
        switch result {
        case .success(let value):
            let box = value.face.box
            let active = value.requiresActiveCheck ? "yes (\(value.reasons.map(\.rawValue).joined(separator: ", ")))" : "no"
            return String(
                format: "%@: %@ score %.4f, P(real) %.4f, face %d,%d %dx%d (%.3f), faces %d, active check: %@",
                path, value.label.rawValue, value.confidenceScore, value.realProbability, box.x, box.y, box.width,
                box.height, Double(value.face.confidence), value.face.faceCount, active)
        case .failure(let error):
            return "\(path): error \(error.code): \(error.message)"
        }
    }
}
