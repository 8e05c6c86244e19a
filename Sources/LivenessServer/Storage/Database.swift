import Foundation
import Logging
import NIOPosix
import PostgresKit
import PostgresNIO
import SQLKit
import SQLiteKit
import Synchronization

/// An open database, SQLite or PostgreSQL, reached through SQLKit.
///
/// SQLite uses one connection (SQLite serialises writers anyway; WAL mode lets readers in other processes
/// run alongside) on a thread of its own, so that waiting for a lock never occupies NIO's shared blocking
/// pool. PostgreSQL uses a `PostgresClient` pool, running in a task that ``close()`` ends.
/// Every operation is bounded by `DATABASE_TIMEOUT_SECONDS`.
///
/// Configuration keys: `DATABASE_URL`, `DATA_DIR`, `DATABASE_TIMEOUT_SECONDS`, `DATABASE_STARTUP_TIMEOUT_SECONDS`
/// (through ``StorageConfiguration``).
public final class Database: Sendable {
    public enum Kind: String, Sendable {
        case sqlite
        case postgresql
    }

    private enum Backend: Sendable {
        case sqlite(SQLiteConnection, NIOThreadPool)
        case postgres(PostgresClient, runner: Task<Void, Never>)
    }

    private let backend: Backend
    private let closed = Atomic<Bool>(false)
    public let location: DatabaseLocation
    /// The longest wait for one operation.
    public let timeout: Double

    public var kind: Kind {
        switch backend {
        case .sqlite: .sqlite
        case .postgres: .postgresql
        }
    }

    private init(backend: Backend, location: DatabaseLocation, timeout: Double) {
        self.backend = backend
        self.location = location
        self.timeout = timeout
    }

    /// Opens the database and brings its schema up to date.
    ///
    /// - Throws: ``StorageError`` naming the database and the cause when it cannot be opened, reached within
    ///   `startupTimeout` seconds, or was migrated by a newer version.
    public static func connect(
        _ location: DatabaseLocation, timeout: Double = 10, startupTimeout: Double = 30, logger: Logger
    ) async throws -> Database {
        let database: Database
        switch location {
        case .sqlite(let path):
            let pool = NIOThreadPool(numberOfThreads: 1)
            pool.start()
            do {
                let connection = try await openSQLite(path, pool: pool, logger: logger)
                database = Database(backend: .sqlite(connection, pool), location: location, timeout: timeout)
            } catch {
                try? await pool.shutdownGracefully()
                throw error
            }
        case .postgres(let url):
            let client = PostgresClient(configuration: try clientConfiguration(url), backgroundLogger: logger)
            let runner = Task { await client.run() }
            database = Database(backend: .postgres(client, runner: runner), location: location, timeout: timeout)
        }
        do {
            try await withTimeout(seconds: startupTimeout) { try await database.migrate() }
        } catch let error as StorageError {
            await database.close()
            throw error == .timeout(seconds: startupTimeout)
                ? StorageError.unavailable("\(location) did not answer within \(startupTimeout) s") : error
        } catch {
            await database.close()
            throw StorageError.unavailable("cannot prepare \(location): \(Self.describe(error))")
        }
        return database
    }

    /// Runs `body` with a SQL session (one connection for its whole duration), bounded by ``timeout``.
    ///
    /// - Throws: ``StorageError`` for anything the database or its driver reports (never SQL text or values).
    public func withSQL<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        do {
            return try await Self.withTimeout(seconds: timeout) { try await self.withSessionUnbounded(body) }
        } catch let error as StorageError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw StorageError.unavailable("\(location): \(Self.describe(error))")
        }
    }

    /// Runs `body` with a SQL session and no time limit (migrations, which have their own).
    func withSessionUnbounded<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        guard !closed.load(ordering: .acquiring) else { throw StorageError.unavailable("\(location) is closed") }
        switch backend {
        case .sqlite(let connection, _):
            return try await body(connection.sql(queryLogLevel: nil))
        case .postgres(let client, _):
            return try await client.withConnection { connection in try await body(connection.sql(queryLogLevel: nil)) }
        }
    }

    /// Closes the connection (SQLite) or stops the pool (PostgreSQL). Runs to the end even when the calling
    /// task is cancelled (a failed startup cancels every service), so no connection is ever left open.
    public func close() async {
        guard closed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return }
        let backend = backend
        await Task {
            switch backend {
            case .sqlite(let connection, let pool):
                try? await connection.close()
                try? await pool.shutdownGracefully()
            case .postgres(_, let runner):
                runner.cancel()
                await runner.value
            }
        }.value
    }

    private static func openSQLite(_ path: String, pool: NIOThreadPool, logger: Logger) async throws -> SQLiteConnection {
        do {
            if path != ":memory:" {
                let folder = (path as NSString).deletingLastPathComponent
                if !folder.isEmpty { try createFolder(folder) }
            }
            let connection = try await SQLiteConnection.open(
                storage: path == ":memory:" ? .memory : .file(path: path), threadPool: pool, logger: logger,
                on: MultiThreadedEventLoopGroup.singleton.any())
            let sql = connection.sql(queryLogLevel: nil)
            do {
                // busy_timeout first: other processes on the same file make us wait, not fail (even for the
                // switch to WAL). WAL: readers never block the writer.
                try await sql.raw("PRAGMA busy_timeout = 5000").run()
                if path != ":memory:" { try await sql.raw("PRAGMA journal_mode = WAL").run() }
                try await sql.raw("PRAGMA synchronous = NORMAL").run()
                // Deleted and overwritten values (face descriptors) are zeroed, not left in free space.
                try await sql.raw("PRAGMA secure_delete = ON").run()
            } catch {
                try? await connection.close()
                throw error
            }
            return connection
        } catch {
            throw StorageError.unavailable("cannot open the SQLite database \(path): \(describe(error)) (check DATA_DIR or DATABASE_URL)")
        }
    }

    private static func clientConfiguration(_ url: String) throws -> PostgresClient.Configuration {
        let core = try SQLPostgresConfiguration(url: url).coreConfiguration
        let tls: PostgresClient.Configuration.TLS =
            switch (core.tls.isEnforced, core.tls.isAllowed) {
            case (true, _): .require(core.tls.sslContext!.configuration)
            case (_, true): .prefer(core.tls.sslContext!.configuration)
            default: .disable
            }
        if let host = core.host, let port = core.port {
            return .init(host: host, port: port, username: core.username, password: core.password, database: core.database, tls: tls)
        }
        if let socket = core.unixSocketPath {
            return .init(unixSocketPath: socket, username: core.username, password: core.password, database: core.database)
        }
        throw StorageError.unavailable("DATABASE_URL names neither a host nor a socket")
    }

    /// A short description of a driver error, without SQL text or bound values.
    /// Creates `folder` (and its parents), naming it and the system's reason when that fails.
    private static func createFolder(_ folder: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw StorageError.unavailable("\(folder) exists and is not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            let reason = (error as NSError).userInfo[NSUnderlyingErrorKey].map { ($0 as? NSError)?.localizedDescription ?? "\($0)" }
            throw StorageError.unavailable("cannot create the folder \(folder): \(reason ?? error.localizedDescription)")
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as StorageError: error.message
        case let error as PSQLError: error.serverInfo?[.message] ?? "\(error.code)"
        case let error as SQLiteError: "\(error.reason)"
        default: "\(type(of: error))"
        }
    }
}
