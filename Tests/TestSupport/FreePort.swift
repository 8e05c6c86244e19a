import Glibc

/// A TCP port that was free a moment ago: the kernel's choice for a socket bound to port 0 on 127.0.0.1,
/// read back and released (nothing else on this machine races the tests for it).
public enum FreePort {
    public static func next() -> Int {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        precondition(socketFD >= 0, "socket() failed")
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketFD, $0, length) == 0 && getsockname(socketFD, $0, &length) == 0
            }
        }
        precondition(bound, "could not bind a socket to 127.0.0.1:0")
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
