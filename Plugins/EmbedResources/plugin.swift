import Foundation
import PackagePlugin

/// Embeds the target's `openapi.yaml` (and its JSON form), the demo page's files (`Demo/`) and Swagger UI's
/// (`SwaggerUI/`, from scripts/fetch-swagger-ui) into a generated Swift file, so the server serves them from
/// the binary itself.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget,
            let spec = target.sourceFiles.first(where: { $0.url.lastPathComponent == "openapi.yaml" })
        else { return [] }
        let demo = target.directoryURL.appending(path: "Demo")
        let assets = try FileManager.default.contentsOfDirectory(at: demo, includingPropertiesForKeys: nil)
            .filter { ["html", "js", "css"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let swaggerUI = ["swagger-ui-bundle.js", "swagger-ui.css"].map { target.directoryURL.appending(path: "SwaggerUI/\($0)") }
        for file in swaggerUI where !FileManager.default.fileExists(atPath: file.path) {
            throw EmbedError(description: "\(file.path) is missing: run scripts/fetch-swagger-ui (scripts/setup does)")
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding openapi.yaml, \(assets.count) demo files and Swagger UI",
                executable: try context.tool(named: "embed-resources").url,
                arguments: [output.path, spec.url.path, "--demo"] + assets.map(\.path) + ["--swagger-ui"]
                    + swaggerUI.map(\.path),
                inputFiles: [spec.url] + assets + swaggerUI,
                outputFiles: [output]
            )
        ]
    }
}

struct EmbedError: Error, CustomStringConvertible {
    let description: String
}
