import Foundation
import LivenessCore
@testable import LivenessServer
import Testing
import TestSupport

/// The error codes are the spec's: every domain code has its own spec code and a 4xx or 503 (only
/// `internal_error` is a 500), and docs/api.md's error table is generated from the spec.
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

    @Test("The generated docs (docs/api.md's error table, docs/configuration.md) match their sources")
    func generatedDocs() throws {
        #expect(try GeneratedDocs.update(root: Fixtures.packageRoot, write: false) == [])
    }

    @Test("The error table has one row per spec code, each with its x-when text and status")
    func errorTable() throws {
        let rows = try GeneratedDocs.errorTable().split(separator: "\n").dropFirst(2)
        #expect(rows.count == APIError.Code.allCases.count)
        for code in APIError.Code.allCases {
            #expect(rows.contains { $0.hasPrefix("| \(code.status.code) | `\(code.rawValue)` | ") && !$0.hasSuffix("|  |") })
        }
    }
}
