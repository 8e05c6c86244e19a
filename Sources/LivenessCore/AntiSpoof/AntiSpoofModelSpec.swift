/// One anti-spoof classifier: its file, how it is fed, and its role in the decision.
///
/// It comes from a manifest (``ClassifierManifest``, `NAME.json` beside `NAME.onnx`), from an upstream SFAS
/// file name (``init(path:)``), or from SFAS's conventions with the input size read from the graph
/// (``AntiSpoofModelSpec/locate(_:cropScale:)``).
public struct AntiSpoofModelSpec: Hashable, Sendable {
    /// The file's path.
    public let path: String
    /// The file name without `.onnx`, used in the model version.
    public let name: String
    /// The architecture, e.g. `MiniFASNetV2`, or what the manifest says.
    public let modelType: String
    public let recipe: ClassifierRecipe
    public let role: ClassifierRole

    public init(path: String, name: String, modelType: String, recipe: ClassifierRecipe, role: ClassifierRole = .ensemble) {
        self.path = path
        self.name = name
        self.modelType = modelType
        self.recipe = recipe
        self.role = role
    }

    /// Parses an upstream SFAS file name at `path`, as upstream's `parse_model_name` does; nil when it does not
    /// follow the pattern.
    ///
    /// `2.7_80x80_MiniFASNetV2.onnx` → scale 2.7, input 80x80, type MiniFASNetV2.
    /// `4_0_0_80x80_MiniFASNetV1SE.onnx` → scale 4 (only the first field counts).
    /// `org_1_80x60_MiniFASNetV1.onnx` → no crop (the whole image), input 80 high, 60 wide.
    public init?(path: String) {
        let stem = Self.stem(of: path)
        guard path.hasSuffix(".onnx") else { return nil }
        let parts = stem.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, let modelType = parts.last, !modelType.isEmpty else { return nil }
        let info = parts.dropLast()
        let size = info.last!.split(separator: "x").compactMap { Int($0) }
        guard size.count == 2, (1...1024).contains(size[0]), (1...1024).contains(size[1]) else { return nil }
        let crop: CropRule
        if info.first == "org" {
            crop = .whole
        } else {
            guard let value = Double(info.first!), value.isFinite, value > 0 else { return nil }
            crop = .sfasScale(value)
        }
        self.init(
            path: path, name: stem, modelType: modelType,
            recipe: .sfas(inputWidth: size[1], inputHeight: size[0], crop: crop))
    }

    /// The file name at `path` without folder and `.onnx`.
    static func stem(of path: String) -> String {
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        return fileName.hasSuffix(".onnx") ? String(fileName.dropLast(".onnx".count)) : fileName
    }
}
