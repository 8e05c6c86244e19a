import Foundation

extension UUID {
    /// A random (version 4) UUID, lowercased, from the system generator (`getrandom`). Foundation's `UUID()` opens,
    /// reads and closes `/dev/urandom` on Linux: three system calls per request and audit entry.
    static func randomIdentifier() -> String {
        var generator = SystemRandomNumberGenerator()
        var words = (generator.next() as UInt64, generator.next() as UInt64)
        let uuid = withUnsafeMutableBytes(of: &words) { raw -> uuid_t in
            raw[6] = raw[6] & 0x0F | 0x40
            raw[8] = raw[8] & 0x3F | 0x80
            return raw.loadUnaligned(as: uuid_t.self)
        }
        return UUID(uuid: uuid).uuidString.lowercased()
    }
}
