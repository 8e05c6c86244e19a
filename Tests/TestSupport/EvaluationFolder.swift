import Foundation

/// The labelled evaluation folder built from the fixtures and their variants, whose metrics the tests
/// work out by hand:
///
/// - `bona_fide/`: T1 as JPEG, lossless PNG and with orientation 1 (real, no active check); T1 shrunk 4x
///   onto a 1920x1080 canvas (found by small-face recovery: fake, active check); T1 shrunk 7x (no_face).
/// - `attack/print/`: F1 (fake 0.073, active check); F1 shrunk 7x (no_face).
/// - `attack/screen/`: F2 (fake 0.181, active check).
public enum EvaluationFolder {
    public static func write(to folder: String) throws {
        let images = "\(Fixtures.testdata)/images"
        let files: [(String, [UInt8])] = [
            ("bona_fide/image_T1.jpg", try Fixtures.bytes("\(images)/image_T1.jpg")),
            ("bona_fide/image_T1_lossless.png", try Fixtures.bytes("\(images)/image_T1_lossless.png")),
            ("bona_fide/image_T1_orientation1.jpg", try Fixtures.bytes("\(images)/image_T1_orientation1.jpg")),
            ("bona_fide/T1_shrunk4.png", try FixtureVariants.shrunk("image_T1.jpg", factor: 4)),
            ("bona_fide/T1_shrunk7.png", try FixtureVariants.shrunk("image_T1.jpg", factor: 7)),
            ("attack/print/image_F1.jpg", try Fixtures.bytes("\(images)/image_F1.jpg")),
            ("attack/print/F1_shrunk7.png", try FixtureVariants.shrunk("image_F1.jpg", factor: 7)),
            ("attack/screen/image_F2.jpg", try Fixtures.bytes("\(images)/image_F2.jpg")),
        ]
        for (name, bytes) in files {
            let url = URL(fileURLWithPath: "\(folder)/\(name)")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
    }
}
