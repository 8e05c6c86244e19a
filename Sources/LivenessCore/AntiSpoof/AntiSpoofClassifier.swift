import CLivenessCV

/// One MiniFASNet ONNX classifier. Owns its net: one instance per worker thread.
public final class AntiSpoofClassifier {
    public let spec: AntiSpoofModelSpec
    private let net: OpaquePointer
    private var logits = [Float](repeating: 0, count: 3)

    init(spec: AntiSpoofModelSpec, network: SharedNetwork) throws(ModelError) {
        self.net = try network.makeNet()
        self.spec = spec
        do {
            let probe = try DecodedImage.blank(width: spec.inputWidth, height: spec.inputHeight)
            _ = try run(probe, window: .whole(imageWidth: spec.inputWidth, imageHeight: spec.inputHeight))
        } catch {
            throw .corrupt(spec.path, "the classifier does not produce 3 class logits for a \(spec.inputWidth)x\(spec.inputHeight) input: \(error)")
        }
    }

    deinit { lcv_net_free(net) }

    /// The crop this model uses for `box` in `image`.
    public func window(for box: FaceBox, in image: DecodedImage) -> CropWindow {
        guard let scale = spec.scale else { return .whole(imageWidth: image.width, imageHeight: image.height) }
        return CropWindow(box: box, imageWidth: image.width, imageHeight: image.height, scale: scale)
            .clamped(imageWidth: image.width, imageHeight: image.height)
    }

    /// Runs the model on `window` and returns its three raw logits.
    func run(_ image: DecodedImage, window: CropWindow) throws(BridgeError) -> [Float] {
        var count: Int32 = 0
        try logits.withUnsafeMutableBufferPointer { buffer throws(BridgeError) in
            try BridgeError.check { error in
                lcv_classify(
                    net, image.handle, Int32(window.x1), Int32(window.y1), Int32(window.x2), Int32(window.y2),
                    Int32(spec.inputWidth), Int32(spec.inputHeight), buffer.baseAddress, 3, &count, error)
            }
        }
        guard count == 3 else { throw BridgeError(status: LCV_INFERENCE_FAILED, message: "expected 3 logits, got \(count)") }
        return logits
    }

    /// Classifies the face: crop, resize, raw BGR, logits, softmax.
    public func classify(_ image: DecodedImage, box: FaceBox) throws -> ModelScore {
        let window = window(for: box, in: image)
        let logits = try run(image, window: window)
        return ModelScore(model: spec.name, window: window, logits: logits)
    }
}
