import CLivenessCV

/// The precision OpenVINO's CPU plugin computes the passive check's networks in (the detector and the
/// classifiers). The video networks (Face Mesh, Iris, the face descriptor) always compute in f32: bf16's landmark
/// noise alone reads as motion, and a still photo's clip lost its `static_video` reason (docs/performance.md).
///
/// Configuration key (through ``PassiveConfiguration``): `OPENVINO_INFERENCE_PRECISION`
/// (`openvino.inference.precision`), `f32` (default) or `bf16`. The OpenCV engine always computes in f32.
public enum InferencePrecision: String, Hashable, Sendable, CaseIterable {
    /// The reference models' own precision: the parity suites hold both engines to the reference within 1e-4.
    case f32
    /// bfloat16 on CPUs with bfloat16 instructions (AVX512_BF16, AMX): measured on an AMD EPYC (Zen 4) host,
    /// 1.3-1.4x the checks per second, but the outputs move (on the 12 golden fixtures: face boxes by 1-2 px, scores
    /// by up to 0.03, no decision changed; docs/performance.md). On any other CPU the networks compile in f32
    /// (``effective``).
    case bf16

    var bridge: lcv_precision { self == .bf16 ? LCV_PRECISION_BF16 : LCV_PRECISION_F32 }

    /// Whether OpenVINO's CPU plugin can compute in this precision on this CPU. It offers bf16 on every AVX-512 CPU,
    /// emulated where the CPU lacks bfloat16 instructions (``isNative``), slower than f32.
    public var isSupported: Bool { lcv_openvino_supports(bridge) != 0 }

    /// Whether the CPU computes this precision with instructions of its own (bf16: AVX512_BF16 or AMX-BF16).
    public var isNative: Bool { self == .f32 || lcv_cpu_has_bf16() != 0 }

    /// The precision the networks are compiled in when this one is asked for: this one where the plugin offers it
    /// natively, else f32 (emulated bf16 would move the outputs and run slower than f32).
    public var effective: InferencePrecision { isNative && isSupported ? self : .f32 }
}
