import LivenessWire

extension LivenessAPI {
    /// `GET /.well-known/jwks.json`: the public keys that verify `result_token`s.
    func getJWKS(_ input: Operations.GetJWKS.Input) async throws -> Operations.GetJWKS.Output {
        .ok(.init(body: .json(signer.jwks)))
    }
}
