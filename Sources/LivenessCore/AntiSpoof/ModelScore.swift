import Foundation

/// One classifier's output for one face.
public struct ModelScore: Hashable, Sendable {
    /// The model's name (file name without `.onnx`).
    public var model: String
    /// The crop it saw.
    public var window: CropWindow
    /// Raw logits; for SFAS's models classes 0 (spoof), 1 (real), 2 (spoof).
    public var logits: [Float]
    /// Softmax of the logits, in double precision.
    public var softmax: [Double]
    /// The index of the live class.
    public var liveIndex: Int
    /// How this output enters the decision.
    public var role: ClassifierRole

    /// The live class's probability.
    public var liveProbability: Double { liveIndex < softmax.count ? softmax[liveIndex] : 0 }

    public init(model: String, window: CropWindow, logits: [Float], liveIndex: Int = 1, role: ClassifierRole = .ensemble) {
        self.model = model
        self.window = window
        self.logits = logits
        self.liveIndex = liveIndex
        self.role = role
        let values = logits.map(Double.init)
        let peak = values.max() ?? 0
        let exps = values.map { exp($0 - peak) }
        let total = exps.reduce(0, +)
        self.softmax = exps.map { $0 / total }
    }
}
