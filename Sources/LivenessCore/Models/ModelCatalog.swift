import Foundation

/// The model files one worker loads: the face detector and the anti-spoof classifiers.
///
/// Configuration keys (through ``PassiveConfiguration``):
/// - `MODEL_DIR`: folder with `deploy.prototxt`, `Widerface-RetinaFace.caffemodel` and the classifiers:
///   every `*.onnx` with a manifest beside it, and every SFAS-named MiniFASNet `*.onnx`.
/// - `MODEL_PATH`: one classifier ONNX file, used instead of the folder's classifiers.
/// - `EXTRA_MODELS`: classifier ONNX files added to those (comma-separated), e.g. a veto model.
/// - `MODEL_CROP_SCALE`: the crop scale of a classifier with neither manifest nor SFAS name.
public struct ModelCatalog: Hashable, Sendable {
    public static let detectorPrototxtName = "deploy.prototxt"
    public static let detectorWeightsName = "Widerface-RetinaFace.caffemodel"
    /// The detector converted to ONNX up to its heads (scripts/convert-retinaface), for OpenVINO.
    public static let detectorONNXName = "Widerface-RetinaFace.onnx"

    public static let faceMeshName = "mediapipe_face_landmark_nchw.onnx"
    public static let irisName = "mediapipe_iris_landmark_nchw.onnx"
    public static let faceRecognitionName = "face_recognition_resnet_v1.onnx"

    public var detectorPrototxt: String
    public var detectorWeights: String
    /// The detector as ONNX, for the OpenVINO engine (nil when not installed).
    public var detectorONNX: String?
    public var classifiers: [AntiSpoofModelSpec]
    /// MediaPipe Face Mesh, for the blink check (nil when not installed).
    public var faceMesh: String?
    /// MediaPipe Iris, for the blink check (nil when not installed).
    public var iris: String?
    /// dlib's face-recognition ResNet as ONNX, for the same-face check of bound challenges (nil when not installed).
    public var faceRecognition: String?
    /// What was assumed about classifiers, one line each, for the startup log.
    public var notes: [String] = []

    public init(
        detectorPrototxt: String, detectorWeights: String, classifiers: [AntiSpoofModelSpec], faceMesh: String? = nil,
        iris: String? = nil, faceRecognition: String? = nil, detectorONNX: String? = nil
    ) {
        self.detectorONNX = detectorONNX
        self.faceRecognition = faceRecognition
        self.detectorPrototxt = detectorPrototxt
        self.detectorWeights = detectorWeights
        self.classifiers = classifiers
        self.faceMesh = faceMesh
        self.iris = iris
    }

    /// Whether the blink check's models are both present.
    public var supportsBlink: Bool { faceMesh != nil && iris != nil }

    /// Whether challenges can be bound to the selfie's face: the blink models and the face-recognition model.
    public var supportsFaceMatch: Bool { supportsBlink && faceRecognition != nil }

    /// The classifier names joined with `+`, e.g. `2.7_80x80_MiniFASNetV2+4_0_0_80x80_MiniFASNetV1SE`.
    public var modelVersion: String { classifiers.map(\.name).joined(separator: "+") }

    /// The catalog `configuration` names (`MODEL_DIR`, `MODEL_PATH`, `EXTRA_MODELS`, `MODEL_CROP_SCALE`).
    public static func locate(_ configuration: PassiveConfiguration) throws(ModelError) -> ModelCatalog {
        try locate(
            directory: configuration.modelDirectory, modelPath: configuration.modelPath,
            extraModels: configuration.extraModels, cropScale: configuration.modelCropScale)
    }

    /// Finds the models in `directory`, or uses `modelPath` as the only ensemble classifier; adds `extraModels`.
    ///
    /// The detector is looked up in `directory`, then beside `modelPath`. Each classifier is described by
    /// ``AntiSpoofModelSpec/locate(_:cropScale:)``.
    public static func locate(
        directory: String, modelPath: String? = nil, extraModels: [String] = [], cropScale: Double = 2.7
    ) throws(ModelError) -> ModelCatalog {
        let files = FileManager.default
        var detectorFolder = directory
        if let modelPath, !files.fileExists(atPath: "\(directory)/\(detectorWeightsName)") {
            detectorFolder = (modelPath as NSString).deletingLastPathComponent
            if detectorFolder.isEmpty { detectorFolder = "." }
        }
        let prototxt = "\(detectorFolder)/\(detectorPrototxtName)"
        let weights = "\(detectorFolder)/\(detectorWeightsName)"
        for path in [prototxt, weights] where !files.isReadableFile(atPath: path) {
            throw .missing(path, "the face detector file is not there or not readable")
        }
        var paths: [String]
        if let modelPath {
            guard files.isReadableFile(atPath: modelPath) else {
                throw .missing(modelPath, "MODEL_PATH names a file that is not there or not readable")
            }
            paths = [modelPath]
        } else {
            let names = (try? files.contentsOfDirectory(atPath: directory)) ?? []
            paths = names.sorted().filter { name in
                name.hasSuffix(".onnx")
                    && (files.fileExists(atPath: ClassifierManifest.path(for: "\(directory)/\(name)"))
                        || (name.contains("MiniFASNet") && AntiSpoofModelSpec(path: name) != nil))
            }.map { "\(directory)/\($0)" }
            guard !paths.isEmpty else {
                throw .missing("\(directory)/*MiniFASNet*.onnx", "no anti-spoof classifier found in the model folder")
            }
        }
        for extra in extraModels where !paths.contains(extra) { paths.append(extra) }
        var classifiers: [AntiSpoofModelSpec] = []
        var notes: [String] = []
        for path in paths {
            let (spec, note) = try AntiSpoofModelSpec.locate(path, cropScale: cropScale)
            classifiers.append(spec)
            if let note { notes.append("\(path): \(note)") }
        }
        try checkEnsemble(classifiers)
        let mesh = "\(detectorFolder)/\(faceMeshName)"
        let iris = "\(detectorFolder)/\(irisName)"
        let faceRecognition = "\(detectorFolder)/\(faceRecognitionName)"
        let detectorONNX = "\(detectorFolder)/\(detectorONNXName)"
        var catalog = ModelCatalog(
            detectorPrototxt: prototxt, detectorWeights: weights, classifiers: classifiers,
            faceMesh: files.isReadableFile(atPath: mesh) ? mesh : nil, iris: files.isReadableFile(atPath: iris) ? iris : nil,
            faceRecognition: files.isReadableFile(atPath: faceRecognition) ? faceRecognition : nil,
            detectorONNX: files.isReadableFile(atPath: detectorONNX) ? detectorONNX : nil)
        catalog.notes = notes
        return catalog
    }

    /// The ensemble models' softmaxes are summed class by class, so they must share one output layout; and
    /// there must be at least one, since a veto model never decides alone.
    static func checkEnsemble(_ classifiers: [AntiSpoofModelSpec]) throws(ModelError) {
        let ensemble = classifiers.filter { $0.role == .ensemble }
        guard let first = ensemble.first else {
            throw .unrecognised(
                classifiers.first?.path ?? "", "every classifier has the veto role; at least one must be an ensemble model")
        }
        for spec in ensemble.dropFirst()
        where spec.recipe.outputCount != first.recipe.outputCount || spec.recipe.liveIndex != first.recipe.liveIndex {
            throw .unrecognised(
                spec.path,
                "its \(spec.recipe.outputCount) outputs with live = \(spec.recipe.liveIndex) differ from \(first.name)'s "
                    + "\(first.recipe.outputCount) with live = \(first.recipe.liveIndex): ensemble models are summed class by "
                    + "class; give it the veto role in its manifest")
        }
    }
}
