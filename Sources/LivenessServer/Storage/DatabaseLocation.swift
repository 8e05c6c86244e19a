import LivenessCore
import PostgresKit

/// Which database holds the challenges and the audit log.
///
/// Read from `DATABASE_URL` and `DATA_DIR` by ``StorageConfiguration``.
public enum DatabaseLocation: Sendable, Hashable, CustomStringConvertible {
    /// A SQLite file (created with its folder when missing), or `:memory:`.
    case sqlite(path: String)
    /// A PostgreSQL server, by URL (`postgres://user:password@host:5432/database?sslmode=disable`).
    case postgres(url: String)

    /// `url` when set (`postgres://…`, `postgresql://…`, `sqlite:///absolute/path`, `sqlite://relative/path`
    /// or `sqlite::memory:`), otherwise `DATA_DIR/liveness.sqlite`.
    public static func parse(url: String?, dataDirectory: String) throws(ConfigurationError) -> DatabaseLocation {
        guard let url = url?.trimmingCharacters(in: .whitespaces), !url.isEmpty else { return inDataDirectory(dataDirectory) }
        if url == "sqlite::memory:" { return .sqlite(path: ":memory:") }
        if url.hasPrefix("sqlite://") {
            let path = String(url.dropFirst("sqlite://".count))
            guard !path.isEmpty else {
                throw ConfigurationError(
                    variable: Setting.databaseURL.variable, message: "sqlite:// needs a file path, e.g. sqlite:///var/lib/liveness/liveness.sqlite")
            }
            return .sqlite(path: path)
        }
        let scheme = url.prefix { $0 != ":" }.lowercased()
        guard scheme.hasPrefix("postgres") else {
            throw ConfigurationError(
                variable: Setting.databaseURL.variable, message: "the scheme '\(scheme.prefix(20))' is not postgres://, postgresql:// or sqlite://")
        }
        // The URL is never echoed: it usually carries a password.
        guard (try? SQLPostgresConfiguration(url: url)) != nil else {
            throw ConfigurationError(
                variable: Setting.databaseURL.variable, message: "not a valid PostgreSQL URL (postgres://user:password@host:port/database)")
        }
        return .postgres(url: url)
    }

    /// The default database: `liveness.sqlite` in `dataDirectory`.
    static func inDataDirectory(_ dataDirectory: String) -> DatabaseLocation {
        .sqlite(path: (dataDirectory.hasSuffix("/") ? dataDirectory : dataDirectory + "/") + "liveness.sqlite")
    }

    /// For logs: the SQLite path, or the PostgreSQL URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path):
            return "sqlite:\(path)"
        case .postgres(let url):
            guard let at = url.lastIndex(of: "@"), let schemeEnd = url.range(of: "://") else { return "postgres" }
            let credentials = url[schemeEnd.upperBound..<at]
            let user = credentials.split(separator: ":", maxSplits: 1).first ?? ""
            return "\(url[..<schemeEnd.upperBound])\(user):***\(url[at...])"
        }
    }
}
