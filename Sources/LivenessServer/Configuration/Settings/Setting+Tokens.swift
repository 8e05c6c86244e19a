extension Setting {
    private static let tokens = ResultTokenConfiguration()

    public static let resultSigningKeyFile = Setting(
        "result.signing.key.file", .text, group: .tokens,
        "PEM P-256 private key that signs `result_token`s; unset: generated in `DATA_DIR` on a single node, refused with PostgreSQL"
    )
    public static let resultSigningPreviousKeyFiles = Setting(
        "result.signing.previous.key.files", .list, group: .tokens, "PEM keys kept in the JWKS during a rotation")
    public static let resultTokenTTLSeconds = Setting(
        "result.token.ttl.seconds", .number(1...86_400), default: tokens.ttl, group: .tokens, "a result token's lifetime")
    public static let resultTokenIssuer = Setting(
        "result.token.issuer", .text, default: tokens.issuer, group: .tokens, "the tokens' `iss` claim")

    /// What ``ResultTokenConfiguration`` reads.
}
