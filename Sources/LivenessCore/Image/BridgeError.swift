import CLivenessCV

/// A failure reported by the C++ bridge: its status code and message.
struct BridgeError: Error, CustomStringConvertible {
    let status: lcv_status
    let message: String

    var description: String { message }

    /// The domain's form: `internal_error`, saying what failed (`stage`) and the bridge's message (never input
    /// bytes). The HTTP layer logs it and answers without it.
    func internalError(_ stage: String) -> LivenessError { LivenessError(.internalError, "\(stage) failed: \(message)") }

    /// Runs `body`, turning its bridge failure into the domain's `internal_error` for `stage`.
    static func domain<T>(_ stage: String, _ body: () throws(BridgeError) -> T) throws(LivenessError) -> T {
        do {
            return try body()
        } catch {
            throw error.internalError(stage)
        }
    }

    /// Calls a bridge function with a fresh `lcv_error`, throwing when it does not return `LCV_OK`.
    static func check(_ call: (UnsafeMutablePointer<lcv_error>) -> lcv_status) throws(BridgeError) {
        var error = lcv_error()
        let status = call(&error)
        guard status == LCV_OK else {
            let message = withUnsafeBytes(of: &error.message) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            throw BridgeError(status: status, message: message.isEmpty ? "OpenCV call failed" : message)
        }
    }
}
