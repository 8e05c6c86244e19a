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
    /// by up to 0.03, no decision changed; docs/performance.md). On a CPU without those instructions the plugin
    /// computes in f32 (``isSupported``).
    case bf16

    var bridge: lcv_precision { self == .bf16 ? LCV_PRECISION_BF16 : LCV_PRECISION_F32 }

    /// Whether OpenVINO's CPU plugin computes in this precision on this CPU (else it uses f32).
    public var isSupported: Bool { lcv_openvino_supports(bridge) != 0 }

    /// The precision OpenVINO's CPU plugin computes in when asked for this one: this one, or f32 on a CPU without
    /// bfloat16 instructions.
    public var effective: InferencePrecision { isSupported ? self : .f32 }
}
