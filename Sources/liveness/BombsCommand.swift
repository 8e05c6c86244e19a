import ArgumentParser
import Foundation
import LivenessTools

/// `liveness bombs --out DIR`: writes the resource-bomb corpus (see ``BombCorpus``) as files, with an index,
/// for `benchmarks/bombs.sh` and for trying them against a running server.
struct BombsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bombs",
        abstract: "Write the resource-bomb corpus (images and videos that once cost gigabytes or minutes) to a folder."
    )

    @Option(help: "Folder to write the bombs and index.tsv to.")
    var out: String

    @Option(help: "The H.264 MP4 clip the video bombs are patched from.")
    var clip = "../shared/testdata/video/blink_real_h264.mp4"

    func run() throws {
        guard let clipData = FileManager.default.contents(atPath: clip) else {
            throw ValidationError("no clip at \(clip)")
        }
        let bombs = try BombCorpus.images() + BombCorpus.videos(clip: [UInt8](clipData))
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var index = "name\tkind\texpected\tbytes\tsummary\n"
        for bomb in bombs {
            try Data(bomb.bytes).write(to: URL(fileURLWithPath: "\(out)/\(bomb.name).bin"))
            index += "\(bomb.name)\t\(bomb.kind.rawValue)\t\(bomb.expectedCode)\t\(bomb.bytes.count)\t\(bomb.summary)\n"
        }
        try index.write(toFile: "\(out)/index.tsv", atomically: true, encoding: .utf8)
        print("\(bombs.count) bombs written to \(out)")
    }
}
