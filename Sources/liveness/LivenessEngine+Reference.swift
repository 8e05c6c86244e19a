import ArgumentParser
import Foundation
import LivenessCore
import LivenessWire

extension LivenessEngine {
    /// The face reference of the selfie in the file at `path` (`--reference`), as a challenge it opened would hold.
    ///
    /// - Throws: ``LivenessError`` `invalid_request` when the file cannot be read, else as ``faceReference(_:)``.
    func reference(file path: String) async throws(LivenessError) -> FaceReference {
        guard let data = FileManager.default.contents(atPath: path) else { throw LivenessError.invalidRequest("cannot read the file") }
        return try await faceReference([UInt8](data))
    }

    /// `--reference` of `blink` and `actions`: the selfie's face reference, or nil without the option. A selfie
    /// that cannot be read or used is printed (as JSON with `json`) and ends the command with exit status 1.
    func reference(option path: String?, json: Bool) async throws -> FaceReference? {
        guard let path else { return nil }
        do {
            return try await reference(file: path)
        } catch {
            print(json ? WireJSON.line(Components.Schemas.ErrorResponse(error)) : "\(path): error \(error.code): \(error.message)")
            await shutdown()
            throw ExitCode(1)
        }
    }
}
