import Foundation

extension OpenAPISpec {
    /// The `x-when` texts of the enum at `path` in the embedded spec, one per code of `codes` in that order;
    /// a code without a text, or a text without a code, is an error of the spec.
    static func when(at path: [String], codes: [String]) throws -> [String] {
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8))
        var node: Any? = document
        for key in path + ["x-when"] { node = (node as? [String: Any])?[key] }
        let name = path.joined(separator: ".")
        guard let when = node as? [String: String] else {
            throw GeneratedDocs.SourceError(description: "openapi.yaml: \(name) has no x-when table")
        }
        let extra = Set(when.keys).subtracting(codes)
        guard extra.isEmpty else {
            throw GeneratedDocs.SourceError(description: "openapi.yaml: \(name).x-when names codes the enum lacks: \(extra.sorted())")
        }
        return try codes.map { code in
            guard let text = when[code] else {
                throw GeneratedDocs.SourceError(description: "openapi.yaml: \(name).x-when has no entry for \(code)")
            }
            return text
        }
    }
}
