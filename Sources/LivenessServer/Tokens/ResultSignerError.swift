/// Why the signing keys could not be loaded.
public struct ResultSignerError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
