import Foundation

/// Eye openness per frame: detector → Face Mesh (two passes) → Iris model on each eye → EAR.
///
/// Within a run of consecutive frames the face is tracked from the previous frame's landmarks,
/// as MediaPipe does, and the detector runs only when the track is lost. Owns its networks: one
/// instance per worker thread.
public final class BlinkPipeline {
    static let meshPoints = 468
    /// Face Mesh points kept for motion: nose tip, eye corners, mouth corners, chin.
    static let motionPoints = [1, 33, 133, 362, 263, 61, 291, 199]
    /// Iris-model contour indices of p1...p6 (corners 0 and 8, upper lid 11 and 13, lower lid 5 and 3).
    static let earContour = [0, 11, 13, 8, 5, 3]

    private let mesh: LandmarkNetwork
    private let iris: LandmarkNetwork

    /// `probe`: run each network once now (``LandmarkNetwork``), which one worker does for all.
    init(faceMesh: SharedNetwork, iris: SharedNetwork, probe: Bool) throws(ModelError) {
        mesh = try LandmarkNetwork(
            network: faceMesh, inputSize: 192, outputs: ["conv2d_21", "conv2d_31"], capacity: 1405, probe: probe)
        // The eye contour only, both eyes as one batch (``eyeAspectRatios(_:_:)``): the iris points are not read, and
        // on OpenVINO a network asked for fewer outputs than it has is compiled without the layers only the others
        // need (docs/performance.md, "the clip's bound").
        self.iris = try LandmarkNetwork(
            network: iris, inputSize: 64, outputs: ["output_eyes_contours_and_brows"], capacity: 2 * 213, batch: 2,
            probe: probe)
    }

    /// Observes consecutive frames, tracking the face from one to the next.
    ///
    /// - Throws: ``LivenessError`` `internal_error` when a network fails (the detector or Face Mesh): a frame
    ///   without a face is an observation, never an error.
    public func observe(_ frames: ArraySlice<DecodedImage>, detector: FaceDetector) throws(LivenessError) -> [FrameObservation] {
        var track: [Point3]?
        var observations: [FrameObservation] = []
        observations.reserveCapacity(frames.count)
        for frame in frames {
            let step = try observe(frame, track: track, detector: detector)
            track = step.mesh
            observations.append(step.observation)
        }
        return observations
    }

    /// Observes one frame, tracking the face from `track` (the previous frame's mesh) and running the detector
    /// only without a track or when it is lost. Returns the observation and this frame's mesh, the next frame's
    /// track (nil without a face).
    public func observe(_ frame: DecodedImage, track: [Point3]?, detector: FaceDetector) throws(LivenessError)
        -> (observation: FrameObservation, mesh: [Point3]?)
    {
        var points: [Point3]?
        if let previous = track {
            points = try BridgeError.domain("the face mesh") { () throws(BridgeError) in
                try mesh(frame, region: RegionOfInterest(landmarks: previous.map(\.flat)))
            }
        }
        if points == nil, let face = try detector.detect(frame) {
            points = try BridgeError.domain("the face mesh") { () throws(BridgeError) in try detectLandmarks(frame, box: face.box) }
        }
        guard let points else { return (.noFace, nil) }
        return (try BridgeError.domain("the face mesh") { () throws(BridgeError) in try observation(frame, points) }, points)
    }

    /// The five face-alignment points of the face in `box` (two Face Mesh passes, as for a video's first
    /// frame), or nil when Face Mesh sees no face there. Throws only when the network fails.
    func alignmentPoints(_ image: DecodedImage, box: FaceBox) throws(BridgeError) -> [Point]? {
        guard let first = try landmarks(image, region: RegionOfInterest(box: box)),
            let second = try landmarks(image, region: RegionOfInterest(landmarks: first))
        else { return nil }
        return FaceAlignment.points(fromMesh: second)
    }

    /// Detector box → first pass → second pass on the rotated region from the first.
    func detectLandmarks(_ frame: DecodedImage, box: FaceBox) throws(BridgeError) -> [Point3]? {
        guard let first = try landmarks(frame, region: RegionOfInterest(box: box)) else { return nil }
        return try mesh(frame, region: RegionOfInterest(landmarks: first))
    }

    /// 468 Face Mesh points in image pixels, or nil when the model sees no face.
    func landmarks(_ frame: DecodedImage, region: RegionOfInterest) throws(BridgeError) -> [Point]? {
        try mesh(frame, region: region)?.map(\.flat)
    }

    /// 468 Face Mesh points with their depth, in image pixels, or nil when the model sees no face.
    func mesh(_ frame: DecodedImage, region: RegionOfInterest) throws(BridgeError) -> [Point3]? {
        guard region.isValid else { return nil }
        let outputs = try mesh.run(frame, region: region)
        guard outputs.count == 2, outputs[0].count == Self.meshPoints * 3, let logit = outputs[1].first,
            1 / (1 + exp(-Double(logit))) > 0.5
        else { return nil }
        let transform = region.transform(cropSize: mesh.inputSize)
        let depthScale = region.side / Double(mesh.inputSize)
        return (0..<Self.meshPoints).map { index in
            let flat = Point(x: Double(outputs[0][index * 3]), y: Double(outputs[0][index * 3 + 1])).applying(transform)
            return Point3(x: flat.x, y: flat.y, z: Double(outputs[0][index * 3 + 2]) * depthScale)
        }
    }

    private func observation(_ frame: DecodedImage, _ mesh: [Point3]) throws(BridgeError) -> FrameObservation {
        let points = mesh.map(\.flat)
        let ears = try eyeAspectRatios(frame, points)
        let xs = points.map(\.x)
        let ys = points.map(\.y)
        let (low, high) = (Point(x: xs.min() ?? 0, y: ys.min() ?? 0), Point(x: xs.max() ?? 0, y: ys.max() ?? 0))
        let width = points[Self.innerMouth.left].distance(to: points[Self.innerMouth.right])
        return FrameObservation(
            ear: ears.isEmpty ? nil : ears.reduce(0, +) / Double(ears.count),
            keyPoints: Self.motionPoints.map { points[$0] }, eyeDistance: points[33].distance(to: points[263]),
            alignment: FaceAlignment.points(fromMesh: points), rigid: PoseEstimator.rigidPoints.map { mesh[$0] },
            mouth: width > 0 ? points[Self.innerMouth.upper].distance(to: points[Self.innerMouth.lower]) / width : nil,
            faceCentre: Point(x: (low.x + high.x) / 2, y: (low.y + high.y) / 2), faceSize: low.distance(to: high))
    }

    /// Face Mesh's inner-lip points: the middle of the upper and lower inner lip, and the inner mouth corners.
    static let innerMouth = (upper: 13, lower: 14, left: 78, right: 308)

    /// (|p2−p6| + |p3−p5|) / (2 |p1−p4|) on the iris model's eye contour, for both eyes in one batch.
    /// The left eye (362 → 263) is mirrored so that it looks like a right eye (33 → 133), the only
    /// side the model knows; mirroring does not change the ratio.
    func eyeAspectRatios(_ frame: DecodedImage, _ points: [Point]) throws(BridgeError) -> [Double] {
        let regions = [
            (RegionOfInterest(eyeFrom: points[33], to: points[133]), false),
            (RegionOfInterest(eyeFrom: points[362], to: points[263]), true),
        ]
        guard regions.allSatisfy({ $0.0.isValid }) else { return [] }
        let outputs = try iris.run(frame, regions: regions, replicate: true)
        guard outputs.first?.count == 2 * 213 else { return [] }
        return (0..<2).compactMap { eye in
            let p = Self.earContour.map { index in
                Point(x: Double(outputs[0][eye * 213 + index * 3]), y: Double(outputs[0][eye * 213 + index * 3 + 1]))
            }
            let width = p[0].distance(to: p[3])
            guard width > 0 else { return nil }
            return (p[1].distance(to: p[5]) + p[2].distance(to: p[4])) / (2 * width)
        }
    }
}
