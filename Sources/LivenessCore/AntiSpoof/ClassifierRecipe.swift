/// How a classifier's input tensor is made from a face, and how its output is read.
public struct ClassifierRecipe: Hashable, Sendable {
    public var inputWidth: Int
    public var inputHeight: Int
    public var crop: CropRule
    public var resize: Resize
    public var channels: ChannelOrder
    /// Each channel value becomes `(pixel * pixelScale - mean[c]) / std[c]`, in the fed channel order.
    public var pixelScale: Float
    public var mean: [Float]
    public var std: [Float]
    /// The number of output logits.
    public var outputCount: Int
    /// The output index of the live (bona fide) class.
    public var liveIndex: Int

    /// How the crop is brought to the input size.
    public enum Resize: String, Hashable, Sendable, CaseIterable {
        /// INTER_LINEAR to the input size, ignoring the aspect ratio (SFAS).
        case stretch
        /// Aspect ratio kept (LANCZOS4 enlarging, AREA shrinking), padded with the crop's border mode.
        case letterbox
    }

    /// The order of the colour channels fed to the network.
    public enum ChannelOrder: String, Hashable, Sendable, CaseIterable {
        case bgr
        case rgb
    }

    /// SFAS's MiniFASNet recipe: crop `crop`, INTER_LINEAR stretch, raw 0...255 BGR, 3 logits with live = 1.
    public static func sfas(inputWidth: Int, inputHeight: Int, crop: CropRule) -> ClassifierRecipe {
        ClassifierRecipe(
            inputWidth: inputWidth, inputHeight: inputHeight, crop: crop, resize: .stretch, channels: .bgr, pixelScale: 1,
            mean: [0, 0, 0], std: [1, 1, 1], outputCount: 3, liveIndex: 1)
    }
}
