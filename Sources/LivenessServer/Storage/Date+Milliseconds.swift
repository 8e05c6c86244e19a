import Foundation

extension Date {
    /// Whole milliseconds since 1970 (UTC): how the database stores times.
    var milliseconds: Int { Int((timeIntervalSince1970 * 1000).rounded()) }

    init(milliseconds: Int) { self.init(timeIntervalSince1970: Double(milliseconds) / 1000) }
}
