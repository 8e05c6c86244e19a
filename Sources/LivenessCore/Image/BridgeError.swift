import CLivenessCV

/// A failure reported by the C++ bridge: its status code and message.
struct BridgeError: Error, CustomStringConvertible {
    let status: lcv_status
    let message: String

    var description: String { message }

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
