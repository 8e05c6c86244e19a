extension Database {
    /// Makes values that were deleted or overwritten unreadable in the database's files, after a face descriptor is
    /// cleared. SQLite runs with `secure_delete` (freed space is zeroed), but the page versions that held the value
    /// stay in the write-ahead log until a checkpoint copies the cleared pages home; `wal_checkpoint(TRUNCATE)`
    /// does that and empties the log. PostgreSQL keeps dead row versions until vacuum: docs/security.md says
    /// what that means and what to run.
    ///
    /// - Throws: ``StorageError`` when the checkpoint cannot run.
    func eraseFreedValues() async throws {
        guard case .sqlite(let path) = location, path != ":memory:" else { return }
        try await withSQL { sql in try await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run() }
    }
}
