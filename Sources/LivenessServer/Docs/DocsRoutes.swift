import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `/openapi.yaml`, `/openapi.json` and `/docs` (Swagger UI from its public CDN, as FastAPI does).
enum DocsRoutes {
    static let swaggerVersion = "5.17.14"

    /// The paths served here.
    static let paths = ["/openapi.yaml", "/openapi.json", "/docs"]

    static func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("openapi.yaml") { _, _ in text(OpenAPISpec.yaml, type: "application/yaml; charset=utf-8") }
        router.get("openapi.json") { _, _ in text(OpenAPISpec.json, type: "application/json; charset=utf-8") }
        router.get("docs") { _, _ in
            var response = text(page, type: "text/html; charset=utf-8")
            response.headers[.contentSecurityPolicy] =
                "default-src 'none'; script-src 'self' https://cdn.jsdelivr.net 'sha256-\(inlineScriptHash)'; "
                + "style-src https://cdn.jsdelivr.net; img-src 'self' data: https://cdn.jsdelivr.net; connect-src 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
            return response
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
          <link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/swagger-ui-dist@\(swaggerVersion)/swagger-ui.css">
        </head>
        <body>
          <div id="swagger-ui"></div>
          <script src="https://cdn.jsdelivr.net/npm/swagger-ui-dist@\(swaggerVersion)/swagger-ui-bundle.js" crossorigin="anonymous"></script>
          <script>\(inlineScript)</script>
        </body>
        </html>
        """
}
