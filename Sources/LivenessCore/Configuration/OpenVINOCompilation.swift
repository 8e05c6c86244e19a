import CLivenessCV

/// How OpenVINO compiles each network: threads, pinning and precision, fixed for a network when it loads.
///
/// Configuration keys (through ``PassiveConfiguration``): `OPENVINO_THREADS_PER_STREAM`, `OPENVINO_CPU_PINNING`,
/// `OPENVINO_INFERENCE_PRECISION`.
public struct OpenVINOCompilation: Hashable, Sendable {
    /// OpenVINO's threads per stream (one stream per worker; 0: the CPU plugin's choice), and whether it pins its
    /// threads to cores (nil: the plugin's choice). Measured defaults (docs/performance.md): one thread, no
    /// pinning: a worker's whole check runs on one core, and two workers give 1.8-2.0x one (the plugin's choices:
    /// 1.3x).
    public var threadsPerStream = 1
    public var cpuPinning: Bool? = false
    /// f32 by default, the reference models' precision. The networks compile in its ``InferencePrecision/effective``
    /// one (bf16 only where the CPU has bfloat16 instructions).
    public var precision = InferencePrecision.f32

    public init(threadsPerStream: Int = 1, cpuPinning: Bool? = false, precision: InferencePrecision = .f32) {
        self.threadsPerStream = threadsPerStream
        self.cpuPinning = cpuPinning
        self.precision = precision
    }

    var bridge: lcv_openvino_options {
        lcv_openvino_options(
            threads_per_stream: Int32(clamping: threadsPerStream), cpu_pinning: cpuPinning.map { $0 ? 1 : 0 } ?? -1,
            precision: precision.effective.bridge)
    }
}
