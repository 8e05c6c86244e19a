/// Which decoder turns image bytes into pixels (see ``DecodedImage/decode(_:using:)``).
public enum ImageDecoder: Sendable {
    /// TurboJPEG for JPEGs whose EXIF orientation is certain, OpenCV for everything else: the service's decoder.
    case automatic
    /// OpenCV's `cv::imdecode(IMREAD_COLOR)` for every format: the reference the automatic decoder must equal,
    /// pixel for pixel (the fixtures' tests and `liveness fuzz` compare them).
    case opencv
}
