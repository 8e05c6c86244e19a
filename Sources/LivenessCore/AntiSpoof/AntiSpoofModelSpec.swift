/// What a MiniFASNet file name says about the model, parsed as upstream's `parse_model_name` does.
///
/// `2.7_80x80_MiniFASNetV2.onnx` → scale 2.7, input 80x80, type MiniFASNetV2.
/// `4_0_0_80x80_MiniFASNetV1SE.onnx` → scale 4 (only the first field counts).
/// `org_1_80x60_MiniFASNetV1.onnx` → no crop (the whole image), input 80 high, 60 wide.
public struct AntiSpoofModelSpec: Hashable, Sendable {
    /// The file's path.
    public let path: String
    /// The file name without `.onnx`, used in the model version.
    public let name: String
    /// The crop scale around the face, or nil to use the whole image.
    public let scale: Double?
    public let inputWidth: Int
    public let inputHeight: Int
    /// The architecture, e.g. `MiniFASNetV2`.
    public let modelType: String

    /// Parses the file name at `path`; returns nil when it does not follow the upstream pattern.
    public init?(path: String) {
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        guard fileName.hasSuffix(".onnx") else { return nil }
        let stem = String(fileName.dropLast(".onnx".count))
        let parts = stem.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, let modelType = parts.last, !modelType.isEmpty else { return nil }
        let info = parts.dropLast()
        let size = info.last!.split(separator: "x").compactMap { Int($0) }
        guard size.count == 2, (1...1024).contains(size[0]), (1...1024).contains(size[1]) else { return nil }
        if info.first == "org" {
            scale = nil
        } else {
            guard let value = Double(info.first!), value.isFinite, value > 0 else { return nil }
            scale = value
        }
        self.path = path
        self.name = stem
        self.inputHeight = size[0]
        self.inputWidth = size[1]
        self.modelType = modelType
    }
}
