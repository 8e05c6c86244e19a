/// Who may call an operation (`x-policy.access` in `openapi.yaml`).
enum Access: String, Sendable, Hashable {
    /// Anyone: health, metrics.
    case open
    /// One of the API keys (`API_KEY`, `API_KEYS`); anyone when none is configured.
    case apiKey = "api_key"
    /// Only `ADMIN_API_KEY`; without it the operation answers 404.
    case admin
}
