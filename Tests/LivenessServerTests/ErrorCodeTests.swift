import Foundation
import LivenessCore
@testable import LivenessServer
import Testing
import TestSupport

/// The error codes are the spec's: every domain code has its own spec code and a 4xx or 503 (only
/// `internal_error` is a 500), and the one table in docs/api.md lists exactly the spec's codes.
@Suite("Error codes")
struct ErrorCodeTests {
    @Test("Every domain code maps to the spec code of the same name, and only internal_error to a 500")
    func domainCodes() {
        for code in LivenessError.Code.all {
            let error = APIError(LivenessError(code, "message"))
            #expect(error.identifier == code.rawValue, "\(code)")
            #expect((error.status.code == 500) == (code == .internalError), "\(code): \(error.status)")
        }
    }

    @Test("docs/api.md's error table lists exactly the spec's codes, each once")
    func documentedCodes() throws {
        let text = try String(contentsOfFile: "\(Fixtures.packageRoot)/docs/api.md", encoding: .utf8)
        let table = text.components(separatedBy: "## Errors").dropFirst().first ?? ""
        let rows = table.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| status") }
        let codes = rows.flatMap { row -> [String] in
            let cell = row.split(separator: "|", omittingEmptySubsequences: false)[2]
            return cell.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " `")) }
        }
        #expect(codes.count == Set(codes).count, "a code is listed twice")
        #expect(Set(codes) == Set(APIError.Code.allCases.map(\.rawValue)))
    }
}
