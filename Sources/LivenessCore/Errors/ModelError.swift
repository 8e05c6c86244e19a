/// A model file is missing, unreadable or not the network the service expects.
///
/// The message names the file and says how to fix it; the service refuses to start with it.
public struct ModelError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Reason: Hashable, Sendable {
        case missing
        case corrupt
        case unrecognised
    }

    private let reason: Reason
    /// The file (or folder) at fault.
    public let path: String
    /// What went wrong, in words.
    public let detail: String

    private init(_ reason: Reason, path: String, detail: String) {
        self.reason = reason
        self.path = path
        self.detail = detail
    }

    public static func missing(_ path: String, _ detail: String) -> ModelError { .init(.missing, path: path, detail: detail) }
    public static func corrupt(_ path: String, _ detail: String) -> ModelError { .init(.corrupt, path: path, detail: detail) }
    public static func unrecognised(_ path: String, _ detail: String) -> ModelError {
        .init(.unrecognised, path: path, detail: detail)
    }

    public var description: String {
        let fix = "Run scripts/fetch-models to download and verify the models, or set MODEL_DIR / MODEL_PATH."
        switch reason {
        case .missing: return "model file missing: \(path): \(detail). \(fix)"
        case .corrupt: return "model file unusable: \(path): \(detail). Delete it and run scripts/fetch-models again."
        case .unrecognised: return "model file not recognised: \(path): \(detail). \(fix)"
        }
    }
}
