import CLivenessCV
import Foundation

/// Head pose per frame from Face Mesh, relative to the subject's own neutral face.
///
/// The model is the clip's own neutral mesh: the rigid points (``rigidPoints``: nose, forehead, eye
/// corners, cheeks, temples, the jaw's angles; nothing the mouth moves) of the first face frames before the
/// first cue, centred and averaged with their depth. Each frame's 2-D points are fitted to it by
/// `cv::solvePnP` (Levenberg–Marquardt) from the identity pose, with a pinhole camera of focal length
/// equal to the frame's longer side. A solution behind the camera, or one that does not reproject within
/// ``maxReprojection`` face sizes, is no pose. Starting from the identity keeps the fit away from the mirrored
/// solution a shallow face allows, and fitting against the subject's own mesh means one face's geometry is
/// never judged against another's.
public struct PoseEstimator: Hashable, Sendable {
    /// Face Mesh indices of the points the pose is fitted on.
    public static let rigidPoints = [
        1, 4, 5, 6, 168, 197, 195, 10, 151, 9, 8, 109, 338, 33, 133, 362, 263, 50, 280, 116, 345, 234, 454, 127, 356, 93,
        323, 132, 361,
    ]
    /// The most neutral frames averaged into the model.
    public var neutralFrames = 5
    /// The largest mean reprojection error of an accepted pose, in face sizes (bounding-box diagonals).
    public var maxReprojection = 0.05

    public init() {}

    /// The neutral model: up to ``neutralFrames`` face frames before `neutralEnd` seconds (or the first face
    /// frames when none is that early), each centred on its centroid and scaled to the first one's size.
    public func neutralModel(_ observations: [FrameObservation], times: [Double], neutralEnd: Double) -> [Point3]? {
        let faces = observations.indices.filter { observations[$0].rigid.count == Self.rigidPoints.count }
        var chosen = Array(faces.filter { times[$0] < neutralEnd }.prefix(neutralFrames))
        if chosen.isEmpty { chosen = Array(faces.prefix(min(3, neutralFrames))) }
        guard let first = chosen.first else { return nil }
        let reference = Self.spread(observations[first].rigid)
        guard reference > 0 else { return nil }
        var sum = [Point3](repeating: Point3(x: 0, y: 0, z: 0), count: Self.rigidPoints.count)
        for index in chosen {
            let points = observations[index].rigid
            let centre = Self.centroid(points)
            let scale = reference / max(Self.spread(points), 1e-9)
            for (k, point) in points.enumerated() {
                sum[k].x += (point.x - centre.x) * scale
                sum[k].y += (point.y - centre.y) * scale
                sum[k].z += (point.z - centre.z) * scale
            }
        }
        let n = Double(chosen.count)
        return sum.map { Point3(x: $0.x / n, y: $0.y / n, z: $0.z / n) }
    }

    /// The pose of each observation against `model` (nil without a face or without an acceptable fit), for
    /// frames `width` × `height` pixels.
    public func poses(_ observations: [FrameObservation], model: [Point3], width: Int, height: Int) -> [HeadPose?] {
        let focal = Double(max(width, height))
        let (cx, cy) = (Double(width) / 2, Double(height) / 2)
        let modelValues = model.flatMap { [$0.x, $0.y, $0.z] }
        let modelSpread = Self.spread(model)
        return observations.map { observation -> HeadPose? in
            let points = observation.rigid
            guard points.count == model.count, modelSpread > 0 else { return nil }
            let centre = Self.centroid(points)
            let spread = Self.spread(points)
            guard spread > 0 else { return nil }
            // The identity pose at the distance where the model projects at this frame's size and place.
            let depth = focal * modelSpread / spread
            var rotation = [0.0, 0.0, 0.0]
            var translation = [(centre.x - cx) * depth / focal, (centre.y - cy) * depth / focal, depth]
            var error = 0.0
            let image = points.flatMap { [$0.x, $0.y] }
            let status = lcv_solve_pose(modelValues, image, Int32(points.count), focal, cx, cy, &rotation, &translation, &error, nil)
            guard status == LCV_OK, translation[2] > 0, error <= maxReprojection * observation.faceSize,
                rotation.allSatisfy(\.isFinite)
            else { return nil }
            return Self.pose(rodrigues: rotation)
        }
    }

    /// `poses` relative to the median pose of the frames at `neutral` (the neutral start): an off-centre face
    /// seen in perspective reads a few degrees of rotation even when it looks straight ahead.
    public func relative(_ poses: [HeadPose?], neutral: [Int]) -> [HeadPose?] {
        let start = neutral.compactMap { poses[$0] }
        guard let yaw = start.map(\.yaw).upperMedian, let pitch = start.map(\.pitch).upperMedian,
            let roll = start.map(\.roll).upperMedian
        else { return poses }
        return poses.map { $0.map { HeadPose(yaw: $0.yaw - yaw, pitch: $0.pitch - pitch, roll: $0.roll - roll) } }
    }

    /// Yaw, pitch and roll of the rotation vector `r` (OpenCV's camera axes: x right, y down, z forward).
    static func pose(rodrigues r: [Double]) -> HeadPose {
        let angle = (r[0] * r[0] + r[1] * r[1] + r[2] * r[2]).squareRoot()
        var m = [[1.0, 0, 0], [0, 1.0, 0], [0, 0, 1.0]]
        if angle > 1e-12 {
            let (kx, ky, kz) = (r[0] / angle, r[1] / angle, r[2] / angle)
            let (c, s, v) = (cos(angle), sin(angle), 1 - cos(angle))
            m = [
                [c + kx * kx * v, kx * ky * v - kz * s, kx * kz * v + ky * s],
                [ky * kx * v + kz * s, c + ky * ky * v, ky * kz * v - kx * s],
                [kz * kx * v - ky * s, kz * ky * v + kx * s, c + kz * kz * v],
            ]
        }
        // The nose's direction: the model's −z (towards the camera) rotated.
        let nose = (x: -m[0][2], y: -m[1][2], z: -m[2][2])
        let degrees = 180 / Double.pi
        return HeadPose(
            yaw: atan2(nose.x, -nose.z) * degrees,
            pitch: atan2(-nose.y, (nose.x * nose.x + nose.z * nose.z).squareRoot()) * degrees,
            roll: atan2(m[1][0], m[0][0]) * degrees)
    }

    static func centroid(_ points: [Point3]) -> Point3 {
        let n = Double(max(points.count, 1))
        return Point3(
            x: points.reduce(0) { $0 + $1.x } / n, y: points.reduce(0) { $0 + $1.y } / n, z: points.reduce(0) { $0 + $1.z } / n)
    }

    /// The root-mean-square distance of the points' 2-D positions from their centroid.
    static func spread(_ points: [Point3]) -> Double {
        let centre = centroid(points)
        let sum = points.reduce(0) { $0 + ($1.x - centre.x) * ($1.x - centre.x) + ($1.y - centre.y) * ($1.y - centre.y) }
        return (sum / Double(max(points.count, 1))).squareRoot()
    }
}
