import LivenessCore

/// The fuzz run's differential check: a JPEG that passes the header guard decodes to the same pixels through the
/// service's decoder (TurboJPEG, with the EXIF orientation read by the project, where it is tried) and through OpenCV's
/// `cv::imdecode`, or fails in both.
enum DecoderParity {
    /// The outcome recorded for an input the two decoders disagree on.
    static let mismatch = "decoder_mismatch"

    static func holds(for bytes: [UInt8], limits: ImageLimits = ImageLimits()) -> Bool {
        guard DecodedImage.triesTurboJPEG(bytes), let header = try? ImageHeader.read(bytes), (try? limits.check(header)) != nil
        else { return true }
        switch (try? DecodedImage.decode(bytes), try? DecodedImage.decode(bytes, using: .opencv)) {
        case (nil, nil): return true
        case (let fast?, let reference?):
            return fast.width == reference.width && fast.height == reference.height && (try? fast.pixels()) == (try? reference.pixels())
        default: return false
        }
    }
}
