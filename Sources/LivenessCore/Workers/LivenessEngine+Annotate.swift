import Foundation

extension LivenessEngine {
    /// Checks one image and also returns it as JPEG with the face box, label and score drawn on it.
    public func checkAnnotated(_ bytes: [UInt8]) async throws(LivenessError) -> (result: PassiveResult, jpeg: [UInt8]) {
        try await submit(bytes) { (pipeline: WorkerModels) throws(LivenessError) in
            let image = try DecodedImage.decode(bytes)
            let result = try pipeline.passive.check(image)
            let caption = "\(result.label.rawValue) " + String(format: "%.4f", result.confidenceScore)
            let colour: UInt32 = result.label == .real ? 0x22AA44 : 0xDD2222
            return (result, try image.annotatedJPEG(box: result.face.box, caption: caption, rgb: colour))
        }
    }
}
