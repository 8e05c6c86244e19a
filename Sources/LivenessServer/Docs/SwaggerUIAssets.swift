import Foundation

/// Swagger UI's `swagger-ui-bundle.js` and `swagger-ui.css` (`SwaggerUI/`, from the pinned PyPI wheel that
/// scripts/fetch-swagger-ui fetches), embedded at build time by the EmbedResources plugin as base64.
enum SwaggerUIAssets {
    /// File name → contents.
    static let files: [String: String] = base64.mapValues { String(decoding: Data(base64Encoded: $0) ?? Data(), as: UTF8.self) }
}
