import Foundation
import Testing
import TestSupport

/// `liveness blink --reference`: the same-face decision of a bound challenge, offline.
@Suite("liveness blink")
struct BlinkCommandTests {
    @Test("--reference: another person's selfie fails as face_mismatch; the clip's own man passes")
    func reference() async throws {
        try await onThread {
            try withTemporaryFolder { folder in
                let selfie = "\(folder)/selfie.jpg"
                try Data(Videos.selfie).write(to: URL(fileURLWithPath: selfie))
                let clip = Videos.path("blink_real_h264.mp4")
                let output = try CLIRunner.run([
                    "blink", "--json", "--reference", Fixtures.image("image_F1.jpg"), clip,
                ])
                #expect(output.status == 0, "\(output.stderr)")
                let other = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
                #expect(other["active_passed"] as? Bool == false)
                #expect(other["reasons"] as? [String] == ["face_mismatch"])
                #expect((other["face_match"] as? [String: Any])?["matched"] as? Bool == false)

                let same = try CLIRunner.run(["blink", "--reference", selfie, clip])
                #expect(same.status == 0)
                #expect(same.stdout.contains("PASSED") && same.stdout.contains("same face: yes"), "\(same.stdout)")

                let missing = try CLIRunner.run(["blink", "--json", "--reference", "\(folder)/none.jpg", clip])
                #expect(missing.status == 1 && missing.stdout.contains("invalid_request"))
            }
        }
    }
}
