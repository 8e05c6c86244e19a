import Foundation

/// `NAME.json` beside `NAME.onnx`: how to feed a classifier that is not named in SFAS's pattern.
///
/// ```json
/// {
///   "type": "MiniFASNetV2-SE",
///   "input": {"width": 128, "height": 128},
///   "crop": {"rule": "square", "factor": 1.5, "border": "reflect_101"},
///   "resize": "letterbox",
///   "channels": "rgb",
///   "scale": 0.00392156862745098,
///   "mean": [0, 0, 0],
///   "std": [1, 1, 1],
///   "outputs": 2,
///   "live_index": 0,
///   "role": "veto",
///   "threshold": 0.85
/// }
/// ```
/// - `crop.rule`: `sfas_scale` (with `scale`: SFAS's crop shifted inside the image), `square` (with `factor`
///   and `border`: `reflect_101`, `replicate` or `constant`) or `whole`.
/// - `resize`: `stretch` (INTER_LINEAR) or `letterbox`. `channels`: `bgr` or `rgb`.
/// - `scale`, `mean`, `std`: each value becomes `(pixel * scale - mean) / std`. Defaults 1, 0, 1.
/// - `role`: `ensemble` (default; summed with the other ensemble models, which must have the same outputs) or
///   `veto` (needs `threshold`; can only ask for the active check).
/// - `type`, `description`, `licence` and `source` are free text. Any other key is refused, so a typo fails at startup.
public enum ClassifierManifest {
    static let keys: Set<String> = [
        "type", "description", "licence", "source", "input", "crop", "resize", "channels", "scale", "mean", "std",
        "outputs", "live_index", "role", "threshold",
    ]

    /// The manifest's path for the model at `modelPath`.
    public static func path(for modelPath: String) -> String {
        (modelPath.hasSuffix(".onnx") ? String(modelPath.dropLast(".onnx".count)) : modelPath) + ".json"
    }

    /// Reads and checks the manifest at `path` for the model at `modelPath`.
    ///
    /// - Throws: ``ModelError`` (`unrecognised`) naming the manifest and the key at fault.
    public static func load(_ path: String, modelPath: String) throws(ModelError) -> AntiSpoofModelSpec {
        guard let data = FileManager.default.contents(atPath: path), data.count <= 64 * 1024 else {
            throw .unrecognised(path, "the manifest cannot be read, or is larger than 64 KiB")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data), let json = object as? [String: Any] else {
            throw .unrecognised(path, "the manifest is not a JSON object")
        }
        do throws(Problem) {
            return try spec(json, modelPath: modelPath)
        } catch {
            throw .unrecognised(path, error.message)
        }
    }

    struct Problem: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    static func spec(_ json: [String: Any], modelPath: String) throws(Problem) -> AntiSpoofModelSpec {
        if let unknown = Set(json.keys).subtracting(keys).sorted().first {
            throw Problem("unknown key '\(unknown.prefix(40))'; the keys are \(keys.sorted().joined(separator: ", "))")
        }
        let input = try object(json, "input")
        let crop = try cropRule(try object(json, "crop"))
        let outputs = try integer(json, "outputs", in: 2...64)
        let recipe = ClassifierRecipe(
            inputWidth: try integer(input, "width", in: 1...1024, prefix: "input."),
            inputHeight: try integer(input, "height", in: 1...1024, prefix: "input."),
            crop: crop, resize: try choice(json, "resize"), channels: try choice(json, "channels"),
            pixelScale: Float(try number(json, "scale", default: 1)), mean: try triple(json, "mean", default: 0),
            std: try triple(json, "std", default: 1), outputCount: outputs,
            liveIndex: try integer(json, "live_index", in: 0...(outputs - 1)))
        guard recipe.pixelScale != 0, !recipe.std.contains(0) else { throw Problem("scale and std must not be 0") }
        let role: ClassifierRole
        switch json["role"] as? String ?? "ensemble" {
        case "ensemble":
            guard json["threshold"] == nil else { throw Problem("threshold is only for the veto role") }
            role = .ensemble
        case "veto":
            guard json["threshold"] != nil else { throw Problem("the veto role needs a threshold (0...1)") }
            role = .veto(threshold: try number(json, "threshold", in: 0...1))
        default:
            throw Problem("role must be ensemble or veto")
        }
        let type = (json["type"] as? String).map { String($0.prefix(64)) } ?? "custom"
        return AntiSpoofModelSpec(
            path: modelPath, name: AntiSpoofModelSpec.stem(of: modelPath), modelType: type, recipe: recipe, role: role)
    }

    static func cropRule(_ json: [String: Any]) throws(Problem) -> CropRule {
        switch json["rule"] as? String {
        case "sfas_scale":
            return .sfasScale(try number(json, "scale", in: 0.1...16, prefix: "crop."))
        case "square":
            let border: CropRule.BorderMode = try choice(json, "border", prefix: "crop.")
            return .square(factor: try number(json, "factor", in: 0.1...4, prefix: "crop."), border: border)
        case "whole":
            return .whole
        default:
            throw Problem("crop.rule must be sfas_scale, square or whole")
        }
    }

    static func object(_ json: [String: Any], _ key: String) throws(Problem) -> [String: Any] {
        guard let value = json[key] as? [String: Any] else { throw Problem("\(key) must be an object") }
        return value
    }

    static func number(
        _ json: [String: Any], _ key: String, default fallback: Double? = nil, in range: ClosedRange<Double> = -1e6...1e6,
        prefix: String = ""
    ) throws(Problem) -> Double {
        guard let raw = json[key] else {
            if let fallback { return fallback }
            throw Problem("\(prefix)\(key) is missing")
        }
        // JSON true/false arrive as NSNumbers too (of type "c"), and on Linux 0 and 1 also cast to Bool.
        guard let number = raw as? NSNumber, String(cString: number.objCType) != "c", number.doubleValue.isFinite,
            range.contains(number.doubleValue)
        else {
            throw Problem("\(prefix)\(key) must be a number in \(range.lowerBound)...\(range.upperBound)")
        }
        return number.doubleValue
    }

    static func integer(_ json: [String: Any], _ key: String, in range: ClosedRange<Int>, prefix: String = "") throws(Problem) -> Int {
        let value = try number(json, key, in: Double(range.lowerBound)...Double(range.upperBound), prefix: prefix)
        guard value == value.rounded() else { throw Problem("\(prefix)\(key) must be a whole number") }
        return Int(value)
    }

    static func triple(_ json: [String: Any], _ key: String, default fallback: Float) throws(Problem) -> [Float] {
        guard let raw = json[key] else { return [fallback, fallback, fallback] }
        guard let values = raw as? [Any], values.count == 3 else { throw Problem("\(key) must hold 3 numbers") }
        var triple: [Float] = []
        for index in values.indices { triple.append(Float(try number(["\(key)[\(index)]": values[index]], "\(key)[\(index)]"))) }
        return triple
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ json: [String: Any], _ key: String, prefix: String = "") throws(Problem) -> T
    where T.RawValue == String {
        guard let text = json[key] as? String, let value = T(rawValue: text) else {
            throw Problem("\(prefix)\(key) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}
