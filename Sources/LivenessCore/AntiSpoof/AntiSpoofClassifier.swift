import CLivenessCV

/// One anti-spoof ONNX classifier, fed by its ``ClassifierRecipe``. Owns its net: one instance per worker thread.
public final class AntiSpoofClassifier {
    public let spec: AntiSpoofModelSpec
    private let net: WorkerNet
    private var logits: [Float]

    init(spec: AntiSpoofModelSpec, network: SharedNetwork) throws(ModelError) {
        self.net = try WorkerNet(network)
        self.spec = spec
        self.logits = [Float](repeating: 0, count: spec.recipe.outputCount)
        let recipe = spec.recipe
        try net.probe(
            "the classifier does not produce \(recipe.outputCount) class logits for a \(recipe.inputWidth)x\(recipe.inputHeight) input"
        ) {
            let probe = try DecodedImage.blank(width: recipe.inputWidth, height: recipe.inputHeight)
            _ = try run(probe, window: .whole(imageWidth: recipe.inputWidth, imageHeight: recipe.inputHeight))
        }
    }

    /// The crop this model uses for `box` in `image`.
    public func window(for box: FaceBox, in image: DecodedImage) -> CropWindow {
        switch spec.recipe.crop {
        case .whole:
            return .whole(imageWidth: image.width, imageHeight: image.height)
        case .sfasScale(let scale):
            return CropWindow(box: box, imageWidth: image.width, imageHeight: image.height, scale: scale)
                .clamped(imageWidth: image.width, imageHeight: image.height)
        case .square(let factor, _):
            return CropWindow(squareAround: box, factor: factor)
        }
    }

    /// Runs the model on `window` and returns its raw logits.
    func run(_ image: DecodedImage, window: CropWindow) throws(BridgeError) -> [Float] {
        var input = Self.bridgeInput(spec.recipe, window: window)
        var count: Int32 = 0
        let expected = spec.recipe.outputCount
        try logits.withUnsafeMutableBufferPointer { buffer throws(BridgeError) in
            try BridgeError.check { error in
                lcv_classify(net.handle, image.handle, &input, buffer.baseAddress, Int32(expected), &count, error)
            }
        }
        guard count == expected else {
            throw BridgeError(status: LCV_INFERENCE_FAILED, message: "expected \(expected) logits, got \(count)")
        }
        return logits
    }

    /// Classifies the face: crop, resize, tensor, logits, softmax.
    ///
    /// - Throws: ``LivenessError`` `internal_error` naming the model when the network fails.
    public func classify(_ image: DecodedImage, box: FaceBox) throws(LivenessError) -> ModelScore {
        let window = window(for: box, in: image)
        let logits = try BridgeError.domain("the anti-spoof model \(spec.name)") { () throws(BridgeError) in
            try run(image, window: window)
        }
        return ModelScore(model: spec.name, window: window, logits: logits, liveIndex: spec.recipe.liveIndex, role: spec.role)
    }

    static func bridgeInput(_ recipe: ClassifierRecipe, window: CropWindow) -> lcv_classifier_input {
        var border = LCV_BORDER_NONE
        if case .square(_, let mode) = recipe.crop {
            switch mode {
            case .reflect101: border = LCV_BORDER_REFLECT_101
            case .replicate: border = LCV_BORDER_REPLICATE
            case .constant: border = LCV_BORDER_CONSTANT
            }
        }
        let m = recipe.mean
        let s = recipe.std
        return lcv_classifier_input(
            x: Int32(window.x1), y: Int32(window.y1), width: Int32(window.x2 - window.x1 + 1),
            height: Int32(window.y2 - window.y1 + 1), border: border,
            resize: recipe.resize == .letterbox ? LCV_RESIZE_LETTERBOX : LCV_RESIZE_STRETCH,
            input_width: Int32(recipe.inputWidth), input_height: Int32(recipe.inputHeight),
            swap_rb: recipe.channels == .rgb ? 1 : 0, scale: recipe.pixelScale, mean: (m[0], m[1], m[2]),
            std: (s[0], s[1], s[2]))
    }
}
