/// The JSON Web Key Set of the result-signing keys (`GET /.well-known/jwks.json`).
public struct JWKSDocument: Codable, Sendable, Equatable {
    public struct Key: Codable, Sendable, Equatable {
        public var kty: String
        public var crv: String
        public var x: String
        public var y: String
        public var kid: String
        public var alg: String
        public var use: String
    }

    public var keys: [Key]

    public init(keys: [Key]) { self.keys = keys }
}
