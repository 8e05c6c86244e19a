import Foundation
import PackagePlugin

/// Embeds the target's `openapi.yaml` (and its JSON form) and the demo page's files (`Demo/`) into a
/// generated Swift file, so the server serves them from the binary itself.
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
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding openapi.yaml and \(assets.count) demo files",
                executable: try context.tool(named: "embed-resources").url,
                arguments: [output.path, spec.url.path] + assets.map(\.path),
                inputFiles: [spec.url] + assets,
                outputFiles: [output]
            )
        ]
    }
}
