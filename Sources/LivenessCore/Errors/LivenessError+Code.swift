extension LivenessError {
    /// A stable error code. Compare against the static members, e.g. `.noFace`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable, CaseIterable {
            case invalidRequest = "invalid_request"
            case invalidImage = "invalid_image"
            case imageTooLarge = "image_too_large"
            case imageTooComplex = "image_too_complex"
            case noFace = "no_face"
            case invalidVideo = "invalid_video"
            case videoTooLong = "video_too_long"
            case unsupportedVideo = "unsupported_video"
            case blinkUnavailable = "blink_unavailable"
            case overloaded
            case internalError = "internal_error"
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// The request is malformed: missing or empty image.
        public static let invalidRequest = Code(.invalidRequest)
        /// The bytes are not a decodable JPEG, PNG, WebP or BMP image.
        public static let invalidImage = Code(.invalidImage)
        /// The header declares a side over 10000 px or an area over 40 megapixels.
        public static let imageTooLarge = Code(.imageTooLarge)
        /// A JPEG with more scans, or more scans times pixels, than a camera writes (a decoding-time bomb).
        public static let imageTooComplex = Code(.imageTooComplex)
        /// No face with detector confidence at or above the face threshold.
        public static let noFace = Code(.noFace)
        /// The upload is not a decodable MP4, MOV or WebM video, or is corrupt.
        public static let invalidVideo = Code(.invalidVideo)
        /// The video is longer than the limit.
        public static let videoTooLong = Code(.videoTooLong)
        /// A container or codec other than H.264 in MP4/MOV or VP8/VP9 in WebM.
        public static let unsupportedVideo = Code(.unsupportedVideo)
        /// The blink models are not installed.
        public static let blinkUnavailable = Code(.blinkUnavailable)
        /// The worker queue is full.
        public static let overloaded = Code(.overloaded)
        /// An unexpected failure inside the service.
        public static let internalError = Code(.internalError)

        /// Every domain code.
        public static let all: [Code] = Base.allCases.map(Code.init)

        /// The wire form, e.g. `no_face`.
        public var rawValue: String { base.rawValue }
        public var description: String { base.rawValue }
    }
}

extension LivenessError {
    public static func invalidRequest(_ message: String) -> LivenessError { .init(.invalidRequest, message) }
    public static func invalidImage(_ message: String) -> LivenessError { .init(.invalidImage, message) }
    public static func imageTooLarge(_ message: String) -> LivenessError { .init(.imageTooLarge, message) }
    public static func noFace(_ message: String) -> LivenessError { .init(.noFace, message) }
}
