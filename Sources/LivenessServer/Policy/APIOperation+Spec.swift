import Foundation

extension APIOperation {
    /// A malformed or missing `x-policy` in the embedded spec: a build error of this project, caught by the tests.
    struct SpecError: Error, CustomStringConvertible {
        let description: String
    }

    /// The embedded `openapi.yaml` parsed once: its operations keyed by `operationId`, or why it could not be.
    /// ``LivenessApplication/build(configuration:state:logger:loadModels:storage:challenges:services:)`` refuses to
    /// start on an error, so ``all`` is never read from a broken spec.
    static let loaded = Result { try parse(OpenAPISpec.json) }

    /// Every operation of the embedded `openapi.yaml`, keyed by `operationId`.
    static var all: [String: APIOperation] { (try? loaded.get()) ?? [:] }

    static func parse(_ json: String) throws -> [String: APIOperation] {
        guard let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let paths = document["paths"] as? [String: [String: Any]]
        else { throw SpecError(description: "no paths") }
        var operations: [String: APIOperation] = [:]
        for (path, methods) in paths {
            for (method, value) in methods {
                guard let operation = value as? [String: Any], let id = operation["operationId"] as? String else { continue }
                let content = (operation["requestBody"] as? [String: Any])?["content"] as? [String: Any]
                operations[id] = APIOperation(
                    id: id, method: method.uppercased(), path: path, mediaTypes: content.map { Array($0.keys).sorted() } ?? [],
                    policy: try policy(operation["x-policy"], of: id))
            }
        }
        return operations
    }

    private static func policy(_ value: Any?, of id: String) throws -> OperationPolicy {
        guard let fields = value as? [String: Any] else { throw SpecError(description: "\(id) has no x-policy") }
        guard let access = (fields["access"] as? String).flatMap(Access.init(rawValue:)) else {
            throw SpecError(description: "\(id): x-policy.access must be open, api_key or admin")
        }
        let limit = fields["body_limit"] as? String ?? "none"
        guard let bodyLimit = BodyLimitSetting(rawValue: limit) else {
            throw SpecError(description: "\(id): x-policy.body_limit '\(limit)' is not a body limit setting")
        }
        return OperationPolicy(
            access: access, rateLimited: fields["rate_limited"] as? Bool ?? false, bodyLimit: bodyLimit,
            audited: fields["audited"] as? Bool ?? false, usesWorkers: fields["workers"] as? Bool ?? false)
    }

    /// The operation at `path` (a template) with `method`, if any.
    static func find(method: String, path: String) -> APIOperation? {
        all.values.first { $0.method == method && $0.path == path }
    }
}
