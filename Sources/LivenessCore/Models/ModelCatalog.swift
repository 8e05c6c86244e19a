import Foundation

/// The model files one worker loads: the face detector and the anti-spoof classifiers.
///
/// Configuration keys (through ``PassiveConfiguration``):
/// - `MODEL_DIR`: folder with `deploy.prototxt`, `Widerface-RetinaFace.caffemodel` and every
///   MiniFASNet `*.onnx` (default `models`).
/// - `MODEL_PATH`: one classifier ONNX file, used alone instead of the folder's classifiers.
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

    /// Finds the models in `directory`, or uses `modelPath` as the only classifier.
    ///
    /// The detector is looked up in `directory`, then beside `modelPath`.
    public static func locate(directory: String, modelPath: String? = nil) throws(ModelError) -> ModelCatalog {
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
        let classifiers: [AntiSpoofModelSpec]
        if let modelPath {
            guard files.isReadableFile(atPath: modelPath) else {
                throw .missing(modelPath, "MODEL_PATH names a file that is not there or not readable")
            }
            guard let spec = AntiSpoofModelSpec(path: modelPath) else {
                throw .unrecognised(
                    modelPath, "the name must follow upstream's pattern SCALE_HxW_TYPE.onnx, e.g. 2.7_80x80_MiniFASNetV2.onnx")
            }
            classifiers = [spec]
        } else {
            let names = (try? files.contentsOfDirectory(atPath: directory)) ?? []
            classifiers = names.sorted().filter { $0.hasSuffix(".onnx") && $0.contains("MiniFASNet") }
                .compactMap { AntiSpoofModelSpec(path: "\(directory)/\($0)") }
            guard !classifiers.isEmpty else {
                throw .missing("\(directory)/*MiniFASNet*.onnx", "no anti-spoof classifier found in the model folder")
            }
        }
        let mesh = "\(detectorFolder)/\(faceMeshName)"
        let iris = "\(detectorFolder)/\(irisName)"
        let faceRecognition = "\(detectorFolder)/\(faceRecognitionName)"
        let detectorONNX = "\(detectorFolder)/\(detectorONNXName)"
        return ModelCatalog(
            detectorPrototxt: prototxt, detectorWeights: weights, classifiers: classifiers,
            faceMesh: files.isReadableFile(atPath: mesh) ? mesh : nil, iris: files.isReadableFile(atPath: iris) ? iris : nil,
            faceRecognition: files.isReadableFile(atPath: faceRecognition) ? faceRecognition : nil,
            detectorONNX: files.isReadableFile(atPath: detectorONNX) ? detectorONNX : nil)
    }
}
