/// The passive verdict.
public enum LivenessLabel: String, Hashable, Sendable, Codable {
    /// Class 1 won: a live face.
    case real
    /// Class 0 or 2 won: a presentation attack (print, screen).
    case fake
}
