import Foundation

/// The PostgreSQL server the tests may use: `LIVENESS_TEST_DATABASE_URL`, which `scripts/test` sets after
/// starting a throwaway server. Without it the PostgreSQL tests are skipped (and say so).
public enum TestPostgres {
    public static let url = ProcessInfo.processInfo.environment["LIVENESS_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
}
