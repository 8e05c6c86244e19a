/// The setting that bounds an operation's request body (`x-policy.body_limit` in `openapi.yaml`).
enum BodyLimitSetting: String, Sendable, Hashable {
    /// No body is expected; a declared one is refused.
    case none
    /// `MAX_BODY_BYTES`.
    case maxBodyBytes = "MAX_BODY_BYTES"
    /// `MAX_VIDEO_BYTES` for the video, plus ``BodyLimitSetting/formAllowance`` for the multipart framing and
    /// the other fields.
    case maxVideoBytes = "MAX_VIDEO_BYTES"

    /// Room for the multipart boundaries, part headers and small fields around an upload.
    static let formAllowance = 64 * 1024

    /// The body limit in bytes under `configuration`, and the limit an error names.
    func bytes(_ configuration: ServerConfiguration) -> (enforced: Int, named: Int) {
        switch self {
        case .none: (0, 0)
        case .maxBodyBytes: (configuration.maxBodyBytes, configuration.maxBodyBytes)
        case .maxVideoBytes: (configuration.maxVideoBytes + Self.formAllowance, configuration.maxVideoBytes)
        }
    }
}
