import Foundation

/// Runs ffmpeg (installed by scripts/setup) to make test inputs in a temporary folder that is removed afterwards.
public enum FFmpeg {
    public static func convert(_ input: String, extension ext: String, arguments: [String]) throws -> [UInt8] {
        try withTemporaryFolder { folder in
            try run(["-i", input] + arguments + ["\(folder)/out.\(ext)"])
            return try Fixtures.bytes("\(folder)/out.\(ext)")
        }
    }

    public static func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
        process.arguments = ["-hide_banner", "-loglevel", "error", "-y"] + arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw FixtureError("ffmpeg failed: \(arguments)") }
    }
}
