import Foundation

/// The operations of `openapi.yaml` with their `x-policy`, as Swift source: `extension APIOperation { static let
/// all }` in the server's module.
///
/// A policy value becomes a case of the server's enums by their naming of raw values (`api_key` → `.apiKey`,
/// `MAX_VIDEO_BYTES` → `.maxVideoBytes`), so a value that names no case fails to compile. A missing `x-policy`,
/// a missing `access`, an unknown field or a flag that is not a boolean fails here. Either way the build stops.
enum PolicyTable {
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// The flags of `x-policy` and the ``OperationPolicy`` fields they set, in its initializer's order.
    static let flags = [("rate_limited", "rateLimited"), ("audited", "audited"), ("workers", "usesWorkers")]

    static func source(_ document: [String: Any]) throws -> String {
        guard let paths = document["paths"] as? [String: Any] else { throw Problem(description: "the spec has no paths") }
        var entries: [String] = []
        for (path, methods) in paths.sorted(by: { $0.key < $1.key }) {
            for (method, value) in (methods as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let operation = value as? [String: Any], let id = operation["operationId"] as? String else { continue }
                let content = (operation["requestBody"] as? [String: Any])?["content"] as? [String: Any]
                let mediaTypes = (content.map { Array($0.keys) } ?? []).sorted().map { "\"\($0)\"" }.joined(separator: ", ")
                entries.append(
                    """
                            "\(id)": APIOperation(
                                id: "\(id)", method: "\(method.uppercased())", path: "\(path)", mediaTypes: [\(mediaTypes)],
                                policy: \(try policy(operation["x-policy"], of: id))),
                    """)
            }
        }
        return """
            extension APIOperation {
                /// Every operation of `openapi.yaml`, keyed by `operationId`, with its `x-policy`.
                static let all: [String: APIOperation] = [
            \(entries.joined(separator: "\n"))
                ]
            }
            """
    }

    private static func policy(_ value: Any?, of id: String) throws -> String {
        guard let fields = value as? [String: Any] else { throw Problem(description: "\(id) has no x-policy") }
        let unknown = Set(fields.keys).subtracting(["access", "body_limit"] + flags.map(\.0))
        guard unknown.isEmpty else { throw Problem(description: "\(id): x-policy has unknown fields \(unknown.sorted())") }
        guard let access = fields["access"] as? String else { throw Problem(description: "\(id): x-policy.access is missing") }
        guard let bodyLimit = fields["body_limit"] as? String ?? (fields["body_limit"] == nil ? "none" : nil) else {
            throw Problem(description: "\(id): x-policy.body_limit is not a setting's name")
        }
        var arguments = ["access: .\(try caseName(access, of: id))"]
        for (key, name) in flags {
            guard let flag = fields[key] as? Bool ?? (fields[key] == nil ? false : nil) else {
                throw Problem(description: "\(id): x-policy.\(key) is not true or false")
            }
            arguments.append("\(name): \(flag)")
        }
        arguments.insert("bodyLimit: .\(try caseName(bodyLimit, of: id))", at: 2)
        return "OperationPolicy(\(arguments.joined(separator: ", ")))"
    }

    /// `api_key` → `apiKey`, `MAX_VIDEO_BYTES` → `maxVideoBytes`, `none` → `none`.
    private static func caseName(_ raw: String, of id: String) throws -> String {
        guard raw.range(of: "^[A-Za-z][A-Za-z0-9_]*$", options: .regularExpression) != nil else {
            throw Problem(description: "\(id): x-policy value '\(raw)' cannot name a case")
        }
        let parts = raw.lowercased().split(separator: "_")
        return String(parts[0]) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
