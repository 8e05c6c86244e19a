import CLivenessCV

/// The RetinaFace detector: the Caffe model (`deploy.prototxt` + `Widerface-RetinaFace.caffemodel`) on
/// OpenCV, its ONNX conversion (`Widerface-RetinaFace.onnx`) on OpenVINO.
///
/// Owns its net, so one instance belongs to one worker thread.
public final class FaceDetector {
    /// Rows in `detection_out` (keep_top_k in the prototxt).
    static let maxRows = 200
    private let net: WorkerNet
    /// The confidence a detection needs to count as a face. Default 0.6.
    public let faceThreshold: Float
    private(set) var rows: [Float]

    init(network: SharedNetwork, faceThreshold: Float = LivenessPolicy().faceThreshold) throws(ModelError) {
        self.net = try WorkerNet(network)
        self.faceThreshold = faceThreshold
        self.rows = [Float](repeating: 0, count: Self.maxRows * 7)
        try net.probe("the detector does not run") {
            // The input of a 3:4 portrait photo, the commonest selfie: OpenVINO compiles that shape now.
            let input = DetectorInput.size(width: 480, height: 640)
            let probe = try DecodedImage.blank(width: input.width, height: input.height)
            _ = try detectRows(probe, inputWidth: input.width, inputHeight: input.height)
        }
    }

    /// Finds the most confident face at upstream's input size. Returns nil when it is below ``faceThreshold``.
    public func detect(_ image: DecodedImage) throws(LivenessError) -> DetectedFace? {
        try detect(image, input: DetectorInput.size(width: image.width, height: image.height))
    }

    /// The small-face recovery pass: the detector again at ``DetectorInput/recovery(width:height:)``, for
    /// a face too small in the frame for the reference pass. Returns nil when the image is too small for a
    /// larger input or no face clears ``faceThreshold``.
    public func recoverSmallFace(_ image: DecodedImage) throws(LivenessError) -> DetectedFace? {
        guard let input = DetectorInput.recovery(width: image.width, height: image.height) else { return nil }
        guard var face = try detect(image, input: input) else { return nil }
        face.recovered = true
        return face
    }

    private func detect(_ image: DecodedImage, input: (width: Int, height: Int)) throws(LivenessError) -> DetectedFace? {
        let count = try BridgeError.domain("the face detector") { () throws(BridgeError) in
            try detectRows(image, inputWidth: input.width, inputHeight: input.height)
        }
        var best = -1
        var bestConfidence = -Float.infinity
        var faceCount = 0
        for row in 0..<count {
            let confidence = rows[row * 7 + 2]
            if confidence > bestConfidence {
                best = row
                bestConfidence = confidence
            }
            if confidence >= faceThreshold { faceCount += 1 }
        }
        guard best >= 0, bestConfidence >= faceThreshold else { return nil }
        let base = best * 7
        let corners = (rows[base + 3], rows[base + 4], rows[base + 5], rows[base + 6])
        guard let box = FaceBox(corners: corners, imageWidth: image.width, imageHeight: image.height),
            box.width > 0, box.height > 0
        else { return nil }
        return DetectedFace(box: box, confidence: bestConfidence, faceCount: faceCount)
    }

    func detectRows(_ image: DecodedImage, inputWidth: Int, inputHeight: Int) throws(BridgeError) -> Int {
        var count: Int32 = 0
        try rows.withUnsafeMutableBufferPointer { buffer throws(BridgeError) in
            try BridgeError.check { error in
                lcv_detect(
                    net.handle, image.handle, Int32(inputWidth), Int32(inputHeight), buffer.baseAddress,
                    Int32(Self.maxRows), &count, error)
            }
        }
        return Int(count)
    }
}
