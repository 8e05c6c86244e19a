import CLivenessCV

/// dlib's face-recognition ResNet v1, converted to ONNX (`scripts/convert-dlib-face-model`), on
/// the configured engine. Owns its net: one instance per worker thread.
public final class FaceEmbedder {
    private let net: WorkerNet
    private var buffer = [Float](repeating: 0, count: 256)

    /// With `probe`, runs the network once on a blank chip so that a model that does not fit fails at startup (one
    /// worker's probe is enough: the compiled model is shared).
    init(network: SharedNetwork, probe: Bool = true) throws(ModelError) {
        net = try WorkerNet(network)
        guard probe else { return }
        try net.probe("the face-recognition model does not give a 128-D embedding of a 150x150 chip") {
            let probe = try DecodedImage.blank(width: FaceAlignment.chipSize, height: FaceAlignment.chipSize)
            _ = try embed(chip: probe)
        }
    }

    /// The descriptor of the face whose five alignment points (dlib's order) are `points`.
    /// The embedding, or nil when the alignment points are degenerate (no chip can be cut); a network failure throws.
    func embedIfAligned(_ image: DecodedImage, points: [Point]) throws(BridgeError) -> FaceEmbedding? {
        do {
            return try embed(image, points: points)
        } catch  where error.status == LCV_INVALID_ARGUMENT {
            return nil
        }
    }

    func embed(_ image: DecodedImage, points: [Point]) throws(BridgeError) -> FaceEmbedding {
        try embed(chip: try Self.chip(image, points: points))
    }

    /// The aligned 150x150 face chip.
    static func chip(_ image: DecodedImage, points: [Point]) throws(BridgeError) -> DecodedImage {
        guard let transform = FaceAlignment.chipToImage(points) else {
            throw BridgeError(status: LCV_INVALID_ARGUMENT, message: "the alignment points are degenerate")
        }
        var handle: OpaquePointer?
        try BridgeError.check { lcv_face_chip(image.handle, transform, Int32(FaceAlignment.chipSize), &handle, $0) }
        guard let handle else { throw BridgeError(status: LCV_INTERNAL, message: "no chip returned") }
        return DecodedImage(adopting: handle)
    }

    /// The descriptor of an aligned 150x150 chip.
    func embed(chip: DecodedImage) throws(BridgeError) -> FaceEmbedding {
        var count: Int32 = 0
        try buffer.withUnsafeMutableBufferPointer { out throws(BridgeError) in
            try BridgeError.check { lcv_face_embed(net.handle, chip.handle, out.baseAddress, Int32(out.count), &count, $0) }
        }
        guard let embedding = FaceEmbedding(values: Array(buffer[0..<Int(count)])) else {
            throw BridgeError(status: LCV_INFERENCE_FAILED, message: "the embedding has \(count) values or is not finite")
        }
        return embedding
    }
}
