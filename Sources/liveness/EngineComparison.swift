/// `liveness bench --compare-with ENGINE`: the second engine's figures and this run's engine as a share of them.
struct EngineComparison: Encodable {
    let engine: String
    /// End-to-end p50 of one worker on the other engine, in ms.
    let endToEndP50: Double
    /// This engine's end-to-end p50 over the other's.
    let endToEndRatio: Double
    /// The blink video's p50 on the other engine, in ms.
    let blinkP50: Double?
    /// This engine's blink p50 over the other's.
    let blinkRatio: Double?
}
