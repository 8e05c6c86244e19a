import Foundation

/// The precision of numbers on the wire: scores and distances to 6 decimals (as the reference service
/// reports them), brightness and sharpness to 2, the clipped fraction to 4, seconds and measured angles to 3.
public enum WireRounding {
    /// A score, probability, confidence or distance.
    public static func score(_ value: Double) -> Double { rounded(value, places: 6) }

    /// Seconds within a clip or challenge (milliseconds).
    public static func seconds(_ value: Double) -> Double { rounded(value, places: 3) }

    /// A measured angle (degrees) or opening.
    public static func measure(_ value: Double) -> Double { rounded(value, places: 3) }

    static func rounded(_ value: Double, places: Int) -> Double {
        let factor = pow(10, Double(places))
        return (value * factor).rounded() / factor
    }
}
