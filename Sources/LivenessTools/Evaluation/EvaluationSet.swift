import Foundation
import LivenessCore

/// The labelled images of an evaluation: a folder with `bona_fide/` and `attack/<species>/`, or a CSV
/// manifest with the columns `path,label,species` (label `bona_fide` or `attack`; a relative path is
/// relative to the manifest's folder).
public struct EvaluationSet: Sendable {
    public struct Item: Hashable, Sendable {
        public var path: String
        public var truth: EvaluationSample.Truth
    }

    public let items: [Item]

    /// Reads a folder: every file under `bona_fide/` (any depth) is bona fide; every file under
    /// `attack/<species>/` is an attack of that species. Hidden files are skipped.
    ///
    /// - Throws: ``EvaluationError`` when a subfolder is missing or nothing is found.
    public init(folder: String) throws(EvaluationError) {
        let root = URL(fileURLWithPath: folder)
        var items: [Item] = []
        let bona = root.appendingPathComponent("bona_fide").path
        items += Self.files(under: bona).map { Item(path: $0, truth: .bonaFide) }
        let attack = root.appendingPathComponent("attack").path
        let species = ((try? FileManager.default.contentsOfDirectory(atPath: attack)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        for name in species {
            items += Self.files(under: "\(attack)/\(name)").map { Item(path: $0, truth: .attack(species: name)) }
        }
        guard !items.isEmpty else {
            throw EvaluationError("\(folder) has neither bona_fide/ nor attack/<species>/ with files")
        }
        self.items = items
    }

    /// Reads a `path,label,species` manifest (a header line is optional).
    public init(manifest: String) throws(EvaluationError) {
        guard let text = try? String(contentsOfFile: manifest, encoding: .utf8) else {
            throw EvaluationError("cannot read the manifest \(manifest)")
        }
        let base = URL(fileURLWithPath: manifest).deletingLastPathComponent()
        var items: [Item] = []
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if number == 0 && fields.first?.lowercased() == "path" { continue }
            guard fields.count >= 2, !fields[0].isEmpty else {
                throw EvaluationError("manifest line \(number + 1): expected path,label,species")
            }
            let path = fields[0].hasPrefix("/") ? fields[0] : base.appendingPathComponent(fields[0]).path
            switch fields[1].lowercased() {
            case "bona_fide", "bonafide", "live", "real":
                items.append(Item(path: path, truth: .bonaFide))
            case "attack", "spoof", "fake":
                let species = fields.count > 2 && !fields[2].isEmpty ? fields[2] : "unspecified"
                items.append(Item(path: path, truth: .attack(species: species)))
            default:
                throw EvaluationError("manifest line \(number + 1): label '\(fields[1].prefix(40))' is not bona_fide or attack")
            }
        }
        guard !items.isEmpty else { throw EvaluationError("the manifest \(manifest) lists no image") }
        self.items = items
    }

    /// Regular files under `folder`, sorted, hidden ones skipped.
    static func files(under folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            var isFolder: ObjCBool = false
            let path = "\(folder)/\(relative)"
            if !name.hasPrefix("."), FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }
}
