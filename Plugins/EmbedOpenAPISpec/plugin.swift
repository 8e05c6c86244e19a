import PackagePlugin

/// Embeds the target's `openapi.yaml` (and its JSON form) into a generated Swift file, so the
/// server can serve `/openapi.yaml` and `/openapi.json` from the binary itself.
@main
struct EmbedOpenAPISpec: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget,
            let spec = target.sourceFiles.first(where: { $0.url.lastPathComponent == "openapi.yaml" })
        else { return [] }
        let output = context.pluginWorkDirectoryURL.appending(path: "OpenAPISpec+Embedded.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(spec.url.lastPathComponent)",
                executable: try context.tool(named: "embed-openapi-spec").url,
                arguments: [spec.url.path, output.path],
                inputFiles: [spec.url],
                outputFiles: [output]
            )
        ]
    }
}
