import CLivenessCV

/// A MediaPipe landmark model (Face Mesh or Iris) run on rotated square crops.
/// Owns its net: one instance per worker thread.
final class LandmarkNetwork {
    let path: String
    let inputSize: Int
    let outputs: String
    /// ``outputs`` as a C string.
    private let outputNames: [CChar]
    private let outputCount: Int
    private let net: WorkerNet
    private var buffer: [Float]
    private var counts = [Int32](repeating: 0, count: 4)

    /// With `probe`, runs the model once on a blank input, as a batch of `batch` regions (the batch the caller runs,
    /// so that OpenVINO compiles at startup the copy the first clip uses), so that a model that does not fit fails at
    /// startup (one worker's probe is enough: the others' would only compile their own copies early).
    init(network: SharedNetwork, inputSize: Int, outputs: [String], capacity: Int, batch: Int = 1, probe: Bool) throws(ModelError) {
        self.net = try WorkerNet(network)
        self.path = network.path
        self.inputSize = inputSize
        self.outputs = outputs.joined(separator: ",")
        self.outputNames = Array(self.outputs.utf8CString)
        self.outputCount = outputs.count
        self.buffer = [Float](repeating: 0, count: capacity)
        guard probe else { return }
        try net.probe("the landmark model does not run on a \(inputSize)x\(inputSize) input") {
            let probe = try DecodedImage.blank(width: inputSize, height: inputSize)
            let region = RegionOfInterest(
                centreX: Double(inputSize) / 2, centreY: Double(inputSize) / 2, side: Double(inputSize), rotation: 0)
            _ = try run(probe, regions: Array(repeating: (region, false), count: batch))
        }
    }

    /// Runs the model on `region`; returns each named output's values.
    func run(_ image: DecodedImage, region: RegionOfInterest, flip: Bool = false, replicate: Bool = false) throws(BridgeError)
        -> [[Float]]
    {
        try run(image, regions: [(region, flip)], replicate: replicate)
    }

    /// Runs the model on several regions as one batch; each output holds every region's values in turn.
    func run(_ image: DecodedImage, regions: [(RegionOfInterest, Bool)], replicate: Bool = false) throws(BridgeError)
        -> [[Float]]
    {
        let transforms = regions.flatMap { $0.0.transform(cropSize: inputSize) }
        let flips = regions.map { Int32($0.1 ? 1 : 0) }
        try buffer.withUnsafeMutableBufferPointer { out throws(BridgeError) in
            try counts.withUnsafeMutableBufferPointer { counts throws(BridgeError) in
                try transforms.withUnsafeBufferPointer { transforms throws(BridgeError) in
                    try flips.withUnsafeBufferPointer { flips throws(BridgeError) in
                        try outputNames.withUnsafeBufferPointer { names throws(BridgeError) in
                            var batch = lcv_roi_batch(
                                regions: Int32(regions.count), transforms: transforms.baseAddress, flips: flips.baseAddress,
                                size: Int32(inputSize), replicate: replicate ? 1 : 0, output_names: names.baseAddress)
                            var destination = lcv_outputs(
                                values: out.baseAddress, capacity: Int32(out.count), counts: counts.baseAddress,
                                max_outputs: Int32(counts.count))
                            try BridgeError.check { lcv_run_roi(net.handle, image.handle, &batch, &destination, $0) }
                        }
                    }
                }
            }
        }
        var result: [[Float]] = []
        var offset = 0
        for index in 0..<outputCount {
            let count = Int(counts[index])
            result.append(Array(buffer[offset..<offset + count]))
            offset += count
        }
        return result
    }
}
