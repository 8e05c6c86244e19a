import ArgumentParser
import LivenessServer

/// `liveness docs [--check] [--root DIR]`: rewrites the generated parts of `docs/` (``GeneratedDocs``).
struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Regenerate the docs made from the spec and the settings table.",
        discussion: "docs/api.md's error table and docs/configuration.md. With --check, changes nothing and exits 1 when any is stale."
    )

    @Flag(help: "Only report stale files; exit 1 when there are any.")
    var check = false

    @Option(help: "The package root.")
    var root = "."

    func run() throws {
        let stale = try GeneratedDocs.update(root: root, write: !check)
        for file in stale { print(check ? "stale: \(file) (run liveness docs)" : "updated \(file)") }
        if check && !stale.isEmpty { throw ExitCode(1) }
    }
}
