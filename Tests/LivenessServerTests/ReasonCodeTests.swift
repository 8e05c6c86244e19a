import LivenessCore
@testable import LivenessServer
import LivenessWire
import Testing

/// The reason codes are the spec's: the core's ``Reason`` and the spec's `ReasonCode` list the same codes, and
/// docs/api.md's reason table has one row per code with its `x-when` text.
@Suite("Reason codes")
struct ReasonCodeTests {
    @Test("Every reason the core can give is a ReasonCode of the spec, and the spec lists no other")
    func sameCodes() {
        #expect(Reason.allCases.map(\.rawValue) == Components.Schemas.ReasonCode.allCases.map(\.rawValue))
        for reason in Reason.allCases { #expect(Components.Schemas.ReasonCode(reason).rawValue == reason.rawValue) }
    }

    @Test("The reason table has one row per code, each with its x-when text")
    func reasonTable() throws {
        let rows = try GeneratedDocs.reasonTable().split(separator: "\n").dropFirst(2)
        #expect(rows.count == Reason.allCases.count)
        for reason in Reason.allCases {
            #expect(rows.contains { $0.hasPrefix("| `\(reason.rawValue)` | ") && !$0.hasSuffix("|  |") })
        }
    }

    @Test("Stored codes the spec no longer lists are left out of a status, not turned into an error")
    func storedCodes() {
        #expect(Components.Schemas.ReasonCode.stored(["no_blink", "retired_code"]) == [.noBlink])
    }
}
