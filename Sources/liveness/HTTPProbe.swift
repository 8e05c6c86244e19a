import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A minimal HTTP/1.0 GET over a loopback TCP socket, for health checks in images that have no curl.
enum HTTPProbe {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The status code `GET path` answers on 127.0.0.1:`port`, within `timeout` seconds.
    static func status(port: Int, path: String, timeout: Double) throws -> Int {
        try get(host: "127.0.0.1", port: port, path: path, timeout: timeout, headOnly: true).status
    }

    /// `GET path` on `host`:`port` (IPv4, plain HTTP): the status and up to 1 MiB of body, within `timeout`
    /// seconds per read.
    static func get(host: String, port: Int, path: String, timeout: Double, headOnly: Bool = false) throws
        -> (status: Int, body: [UInt8])
    {
        var hints = addrinfo()
        hints.ai_family = AF_INET
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let info = found else {
            throw Failure(description: "cannot resolve \(host)")
        }
        defer { freeaddrinfo(found) }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "cannot create a socket") }
        defer { close(fd) }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        guard connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
            throw Failure(description: "nothing answers on \(host):\(port)")
        }
        let request = Array("GET \(path) HTTP/1.0\r\nHost: \(host)\r\nConnection: close\r\n\r\n".utf8)
        guard send(fd, request, request.count, 0) == request.count else { throw Failure(description: "cannot send the request") }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while response.count < 1 << 20 {
            let received = recv(fd, &buffer, headOnly ? 64 : buffer.count, 0)
            guard received > 0 else { break }
            response += buffer[0..<received]
            if headOnly || Self.complete(response) { break }
        }
        guard !response.isEmpty else { throw Failure(description: "no answer within \(timeout) s") }
        // "HTTP/1.1 200 OK"
        let statusLine = String(decoding: response.prefix(64), as: UTF8.self)
        let fields = statusLine.split(separator: " ", maxSplits: 2)
        guard fields.count >= 2, fields[0].hasPrefix("HTTP/"), let code = Int(fields[1]) else {
            throw Failure(description: "not an HTTP answer")
        }
        return (code, Self.split(response)?.body ?? [])
    }

    /// The head and body of a response, once the head has ended.
    private static func split(_ response: [UInt8]) -> (head: String, body: [UInt8])? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0...max(0, response.count - 4)).first(where: { Array(response[$0..<min($0 + 4, response.count)]) == separator })
        else { return nil }
        return (String(decoding: response[..<end], as: UTF8.self), Array(response[(end + 4)...]))
    }

    /// Whether the whole body (by `Content-Length`) has arrived.
    private static func complete(_ response: [UInt8]) -> Bool {
        guard let (head, body) = split(response) else { return false }
        let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }
        return length.map { body.count >= $0 } ?? false
    }
}
