import HTTPTypes
import Hummingbird
import NIOCore

/// `/demo`: a browser reference client (camera selfie → passive check → live session or recorded challenge),
/// and `/sdk/liveness.js` (with `liveness.css`): the browser module integrators embed, which the demo uses too.
///
/// Served from the binary with a strict Content Security Policy: only this origin's scripts,
/// styles and API; camera only for this page. Configuration key: `DEMO_ENABLED` (the demo only; the module is
/// always served).
enum DemoRoutes {
    static let policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
        + "media-src 'self' blob: mediastream:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
        + "form-action 'none'"

    static let types = ["html": "text/html; charset=utf-8", "js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8"]

    /// The fixed paths served here (and `/demo/<file>`).
    static let paths = ["/demo"]

    /// The files served under `/sdk/`.
    static let sdkFiles: Set<String> = ["liveness.js", "liveness.css"]

    static func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("demo") { _, _ in try asset("index.html") }
        router.get("demo/:file") { _, context in try asset(context.parameters.require("file")) }
    }

    static func registerSDK<Context: RequestContext>(on router: Router<Context>) {
        router.get("sdk/:file") { _, context in
            let file = try context.parameters.require("file")
            guard sdkFiles.contains(file) else { throw APIError.notFound() }
            return try asset(file)
        }
    }

    static func asset(_ name: String) throws -> Response {
        guard let body = DemoAssets.files[name], let type = types[String(name.split(separator: ".").last ?? "")] else {
            throw APIError.notFound()
        }
        var response = DocsRoutes.text(body, type: type)
        response.headers[.contentSecurityPolicy] = policy
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("Permissions-Policy")!] = "camera=(self), microphone=()"
        response.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        return response
    }
}
