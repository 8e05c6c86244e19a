import LivenessWire

extension LivenessAPI {
    /// `GET /.well-known/jwks.json`: the public keys that verify `result_token`s.
    func getJWKS(_ input: Operations.GetJWKS.Input) async throws -> Operations.GetJWKS.Output {
        .ok(
            .init(
                body: .json(
                    .init(
                        keys: signer.jwks.map {
                            .init(kty: $0.kty, crv: $0.crv, x: $0.x, y: $0.y, kid: $0.kid, alg: $0.alg, use: $0.use)
                        }))))
    }
}
