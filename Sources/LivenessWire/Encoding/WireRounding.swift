import Foundation

/// The precision of numbers on the wire: scores and distances to 6 decimals (as the reference service
/// reports them), brightness and sharpness to 2, the clipped fraction to 4.
public enum WireRounding {
    /// A score, probability, confidence or distance.
    public static func score(_ value: Double) -> Double { rounded(value, places: 6) }

    static func rounded(_ value: Double, places: Int) -> Double {
        let factor = pow(10, Double(places))
        return (value * factor).rounded() / factor
    }
}
