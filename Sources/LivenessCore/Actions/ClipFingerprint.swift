/// A compact fingerprint of an analysed action clip, to refuse the same clip for another challenge.
///
/// It holds 64-bit difference hashes of ``frameCount`` frames at fixed fractions of the clip (each the whole
/// frame in grey shrunk to 9×8: a re-encoded or rescaled copy keeps them within a few bits) and the action
/// trajectory: yaw, pitch (degrees) and mouth opening (× 50) every ``step`` seconds. It is neither an image nor
/// a face template: 64 bits per frame cannot be turned back into a picture or compared as a face.
///
/// Two fingerprints match when the hashes differ by at most ``maxHashBits`` bits on average and the
/// trajectories by at most ``maxTrajectory`` (root mean square over the shorter one), and the clips' lengths
/// agree within ``lengthTolerance``. A different clip of the same person (other actions, other timing) has
/// another trajectory; another person's clip of the same order has other frames.
public struct ClipFingerprint: Hashable, Sendable {
    public var hashes: [UInt64]
    public var trajectory: [Double]

    public static let frameCount = 8
    public static let step = 0.2
    public static let maxHashBits = 10.0
    public static let maxTrajectory = 4.0
    public static let lengthTolerance = 0.1

    public init(hashes: [UInt64], trajectory: [Double]) {
        self.hashes = hashes
        self.trajectory = trajectory
    }

    /// The indices of the hashed frames of a `frames`-frame clip.
    public static func hashedFrames(_ frames: Int) -> [Int] {
        guard frames > 0 else { return [] }
        return (0..<frameCount).map { min(frames - 1, Int((Double($0) + 0.5) * Double(frames) / Double(frameCount))) }
    }

    /// The trajectory of `signals`: (yaw, pitch, 50 × mouth) every ``step`` seconds (the nearest frame; 0 without
    /// a measure).
    public static func trajectory(_ signals: [ActionSignal]) -> [Double] {
        guard let last = signals.last?.time else { return [] }
        var values: [Double] = []
        var time = 0.0
        var index = 0
        while time <= last {
            while index + 1 < signals.count && abs(signals[index + 1].time - time) <= abs(signals[index].time - time) { index += 1 }
            let signal = signals[index]
            values += [signal.pose?.yaw ?? 0, signal.pose?.pitch ?? 0, 50 * (signal.mouth ?? 0)]
            time += step
        }
        return values
    }

    public func matches(_ other: ClipFingerprint) -> Bool {
        guard hashes.count == other.hashes.count, !hashes.isEmpty, !trajectory.isEmpty, !other.trajectory.isEmpty else { return false }
        let longer = Double(max(trajectory.count, other.trajectory.count))
        guard Double(min(trajectory.count, other.trajectory.count)) >= (1 - Self.lengthTolerance) * longer else { return false }
        let bits = zip(hashes, other.hashes).reduce(0) { $0 + ($1.0 ^ $1.1).nonzeroBitCount }
        guard Double(bits) / Double(hashes.count) <= Self.maxHashBits else { return false }
        let pairs = zip(trajectory, other.trajectory)
        let squares = pairs.reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        return (squares / Double(min(trajectory.count, other.trajectory.count))).squareRoot() <= Self.maxTrajectory
    }

    /// The stored form: the hashes in hex, then the trajectory to one decimal, `;`-separated.
    public var stored: String {
        hashes.map { String($0, radix: 16) }.joined(separator: ",") + ";"
            + trajectory.map { String(Double(Int(($0 * 10).rounded())) / 10) }.joined(separator: ",")
    }

    public init?(stored: String) {
        let parts = stored.split(separator: ";", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let hashes = parts[0].split(separator: ",").compactMap { UInt64($0, radix: 16) }
        let trajectory = parts[1].split(separator: ",").compactMap { Double($0) }
        guard hashes.count == Self.frameCount else { return nil }
        self.init(hashes: hashes, trajectory: trajectory)
    }
}
