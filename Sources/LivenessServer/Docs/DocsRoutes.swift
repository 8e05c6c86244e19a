import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `/openapi.yaml`, `/openapi.json` and `/docs`: Swagger UI served from the binary (``SwaggerUIAssets``), so the
/// page works on an offline or locked-down network, under a CSP that allows only this origin.
enum DocsRoutes {
    /// The paths served here.
    static let paths = ["/openapi.yaml", "/openapi.json", "/docs"] + SwaggerUIAssets.files.keys.sorted().map { "/docs/\($0)" }

    static let policy =
        "default-src 'none'; script-src 'self' 'sha256-\(inlineScriptHash)'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

    static func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("openapi.yaml") { _, _ in text(OpenAPISpec.yaml, type: "application/yaml; charset=utf-8") }
        router.get("openapi.json") { _, _ in text(OpenAPISpec.json, type: "application/json; charset=utf-8") }
        router.get("docs") { _, _ in
            var response = text(page, type: "text/html; charset=utf-8")
            response.headers[.contentSecurityPolicy] = policy
            return response
        }
        for (name, body) in SwaggerUIAssets.files {
            let type = name.hasSuffix(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8"
            router.get("docs/\(name)") { _, _ in
                var response = text(body, type: type)
                response.headers[.contentSecurityPolicy] = policy
                return response
            }
        }
    }

    static func text(_ body: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-cache"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static let inlineScript = """
        window.onload = () => { window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" }); };
        """

    /// The CSP hash of the inline script (base64 of its SHA-256).
    static let inlineScriptHash: String = {
        let digest = SHA256.hash(Array(inlineScript.utf8))
        return Data(digest).base64EncodedString()
    }()

    static let page = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Passive Liveness API</title>
          <link rel="stylesheet" href="/docs/swagger-ui.css">
        </head>
        <body>
          <div id="swagger-ui"></div>
          <script src="/docs/swagger-ui-bundle.js"></script>
          <script>\(inlineScript)</script>
        </body>
        </html>
        """
}
