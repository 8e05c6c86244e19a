import Foundation
import Testing

@testable import LivenessServer

@Suite("Request and audit identifiers")
struct RequestIdentifierTests {
    @Test("Generated identifiers are distinct lowercase version-4 UUIDs")
    func versionFour() throws {
        let identifiers = (0..<2000).map { _ in UUID.randomIdentifier() }
        #expect(Set(identifiers).count == identifiers.count)
        for identifier in identifiers.prefix(200) {
            let uuid = try #require(UUID(uuidString: identifier)).uuid
            #expect(identifier == identifier.lowercased())
            #expect(uuid.6 >> 4 == 4 && uuid.8 >> 6 == 0b10, "\(identifier)")
        }
    }
}
