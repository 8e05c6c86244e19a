/// How a classifier's output enters the decision.
public enum ClassifierRole: Hashable, Sendable {
    /// Its softmax is summed with the other ensemble models' (upstream's combination): it sets the label and score.
    case ensemble
    /// It never changes the label or score. When its live probability is below `threshold`, the result asks
    /// for the active check with the reason `model_veto`: it can only escalate.
    case veto(threshold: Double)

    /// `ensemble` or `veto`, as manifests spell it.
    public var name: String {
        switch self {
        case .ensemble: "ensemble"
        case .veto: "veto"
        }
    }
}
