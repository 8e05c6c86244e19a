import Foundation

/// The parts of `docs/` generated from the sources of truth: the error table of `docs/api.md` from the spec, and
/// the settings of `docs/configuration.md` from the settings table (``Setting/all``).
/// `liveness docs` rewrites them; `liveness docs --check` (and a test) fails when one is stale.
///
/// A generated part sits between `<!-- generated: NAME -->` and `<!-- end generated: NAME -->`.
public enum GeneratedDocs {
    /// A source of truth that cannot be rendered (a build error of this project).
    public struct SourceError: Error, CustomStringConvertible {
        public let description: String
    }

    /// One generated part: the file (relative to the package root), its name and how to render it.
    struct Part: Sendable {
        let file: String
        let name: String
        let render: @Sendable () throws -> String
    }

    static let parts: [Part] = [
        Part(file: "docs/api.md", name: "errors", render: errorTable),
        Part(file: "docs/api.md", name: "reasons", render: reasonTable),
        Part(file: "docs/configuration.md", name: "settings", render: settingsTable),
    ]

    /// The files under `root` whose generated parts differ from their sources, after rewriting them when `write`.
    public static func update(root: String, write: Bool) throws -> [String] {
        var stale: [String] = []
        for file in Set(parts.map(\.file)).sorted() {
            let path = "\(root)/\(file)"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            var updated = text
            for part in parts where part.file == file {
                updated = try replace(part.name, in: updated, with: try part.render(), file: file)
            }
            guard updated != text else { continue }
            stale.append(file)
            if write { try updated.write(toFile: path, atomically: true, encoding: .utf8) }
        }
        return stale
    }

    static func replace(_ name: String, in text: String, with content: String, file: String) throws -> String {
        let begin = "<!-- generated: \(name) -->"
        let end = "<!-- end generated: \(name) -->"
        guard let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex) else {
            throw SourceError(description: "\(file) lacks the markers \(begin) … \(end)")
        }
        return text.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: "\n" + content + "\n")
    }
}
