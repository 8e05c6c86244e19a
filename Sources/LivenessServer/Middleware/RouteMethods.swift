/// The methods each route answers, for 405 `method_not_allowed` with `Allow`: the spec's operations and the
/// open pages outside it. Templates (`/challenges/{challenge_id}`) match one path component per parameter.
struct RouteMethods: Sendable {
    private let routes: [(components: [Substring], allow: String)]

    init(_ methods: [String: Set<String>]) {
        routes = methods.map { path, set in
            let allow = (set.contains("GET") ? set.union(["HEAD"]) : set).sorted().joined(separator: ", ")
            return (path.split(separator: "/"), allow)
        }
    }

    /// The `Allow` value for `path`, when a route has that shape.
    func allowed(_ path: String) -> String? {
        let components = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        return routes.first { route in
            route.components.count == components.count
                && zip(route.components, components).allSatisfy { template, part in
                    template == part || (template.hasPrefix("{") && template.hasSuffix("}") && !part.isEmpty)
                }
        }?.allow
    }
}
