import CLivenessCV
import Foundation

extension AntiSpoofModelSpec {
    /// The spec of the classifier file at `path`, and a line for the startup log when something was assumed.
    ///
    /// In order: its manifest (``ClassifierManifest``) when `NAME.json` is beside it; its SFAS file name; or,
    /// for files such as the Python service's `models/silentface.onnx`, SFAS's MiniFASNet recipe with the
    /// input size read from the graph and the crop scale `cropScale` (setting `MODEL_CROP_SCALE`).
    ///
    /// - Throws: ``ModelError`` when the file or its manifest is missing, unreadable or not usable.
    public static func locate(_ path: String, cropScale: Double) throws(ModelError) -> (spec: AntiSpoofModelSpec, note: String?) {
        let files = FileManager.default
        guard files.isReadableFile(atPath: path) else { throw .missing(path, "the classifier file is not there or not readable") }
        let manifest = ClassifierManifest.path(for: path)
        if files.fileExists(atPath: manifest) { return (try ClassifierManifest.load(manifest, modelPath: path), nil) }
        if let spec = AntiSpoofModelSpec(path: path) { return (spec, nil) }
        let shape = try inputShape(path)
        guard shape.count == 4, shape[1] == 3 || shape[1] == -1, (1...1024).contains(shape[2]), (1...1024).contains(shape[3]) else {
            throw .unrecognised(
                path,
                "its input shape \(shape) is not [1, 3, H, W] with a fixed size; describe it in a manifest, \(manifest)")
        }
        let spec = AntiSpoofModelSpec(
            path: path, name: stem(of: path), modelType: "MiniFASNet",
            recipe: .sfas(inputWidth: Int(shape[3]), inputHeight: Int(shape[2]), crop: .sfasScale(cropScale)))
        let note =
            "no manifest (\(manifest)) and no SFAS file name: assumed SFAS's MiniFASNet recipe: input \(shape[3])x\(shape[2]) "
            + "read from the graph, crop scale \(cropScale) (MODEL_CROP_SCALE), raw 0-255 BGR, 3 outputs with live = 1"
        return (spec, note)
    }

    /// The first input's shape of an ONNX file (dynamic dimensions -1).
    static func inputShape(_ path: String) throws(ModelError) -> [Int64] {
        var dims = [Int64](repeating: 0, count: 8)
        var rank: Int32 = 0
        do {
            try dims.withUnsafeMutableBufferPointer { buffer throws(BridgeError) in
                try BridgeError.check { lcv_onnx_input_shape(path, buffer.baseAddress, 8, &rank, $0) }
            }
        } catch {
            throw .corrupt(path, "its input shape cannot be read: \(error.message)")
        }
        return Array(dims.prefix(Int(rank)))
    }
}
