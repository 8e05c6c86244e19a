import Foundation
import Logging
import Synchronization

/// What C libraries print on standard error (libjpeg's "Corrupt JPEG data", libpng warnings, OpenCV and
/// FFmpeg messages), routed through the logger instead: one `native library message` warning per line, in
/// the configured `LOG_FORMAT`, counted in `liveness_native_messages_total`.
///
/// ``capture()`` points file descriptor 2 at a pipe and returns an output on the original standard error
/// for the service's own log lines; ``forward(to:)`` reads the pipe on a thread of its own.
public enum NativeMessages {
    private static let counter = Atomic<Int>(0)
    private static let pipeReader = Mutex<Int32?>(nil)

    /// Lines read from the libraries so far.
    public static var count: Int { counter.load(ordering: .relaxed) }

    /// Redirects standard error into a pipe. Returns the stream the service's logs must use, or nil when the
    /// redirection failed (standard error is then left as it was).
    public static func capture() -> LogOutput? {
        let original = dup(STDERR_FILENO)
        var fds: [Int32] = [0, 0]
        guard original >= 0, pipe(&fds) == 0 else { return nil }
        guard dup2(fds[1], STDERR_FILENO) >= 0 else {
            close(fds[0])
            close(fds[1])
            return nil
        }
        close(fds[1])
        _ = fcntl(original, F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        pipeReader.withLock { $0 = fds[0] }
        return LogOutput(descriptor: original)
    }

    /// Logs each captured line as a warning (at most 300 printable characters of it).
    public static func forward(to logger: Logger) {
        guard let descriptor = pipeReader.withLock({ $0 }) else { return }
        let thread = Thread {
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
            var pending = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = pending[pending.startIndex..<newline]
                    pending.removeSubrange(pending.startIndex...newline)
                    report(line, logger)
                }
                if pending.count > 4096 {
                    report(pending, logger)
                    pending.removeAll()
                }
            }
        }
        thread.name = "native-stderr"
        thread.start()
    }

    private static func report(_ line: Data, _ logger: Logger) {
        let text = String(decoding: line, as: UTF8.self).unicodeScalars.filter { $0.value >= 0x20 && $0.value < 0x7F }
        guard !text.isEmpty else { return }
        counter.add(1, ordering: .relaxed)
        logger.warning("native library message", metadata: ["text": "\(String(String.UnicodeScalarView(text)).prefix(300))"])
    }
}

/// A log stream on a file descriptor (the original standard error once ``NativeMessages`` has taken fd 2).
/// Each line is written with one `write`, so lines from different threads never interleave.
public struct LogOutput: TextOutputStream, Sendable {
    let descriptor: Int32

    public static let standardError = LogOutput(descriptor: STDERR_FILENO)

    public mutating func write(_ string: String) {
        var bytes = Array(string.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }
}
