/// The OpenAPI document, embedded at build time from `openapi.yaml` by the EmbedResources plugin.
///
/// `openapi.yaml` is the source of truth: the generator compiles the handlers' types from it and
/// the server serves it at `/openapi.yaml` and `/openapi.json`. Its `info.version` is the service's version
/// (`liveness --version`).
public enum OpenAPISpec {}
