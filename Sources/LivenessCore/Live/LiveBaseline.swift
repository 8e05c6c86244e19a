/// What a live session measures its frames against: the neutral start's pose model, pose, mouth and eyes.
struct LiveBaseline: Hashable, Sendable {
    /// The neutral mesh the pose is fitted to (``PoseEstimator/neutralModel(_:times:neutralEnd:)``).
    var model: [Point3]
    /// The neutral frames' median pose against that model.
    var pose: HeadPose
    /// The neutral frames' median mouth opening and eye aspect ratio.
    var mouth: Double
    var ear: Double

    /// The baseline of `frames` (still, well framed), or nil when no pose model or no eye ratio can be made.
    init?(_ frames: [LiveFrame], estimator: PoseEstimator) {
        guard let first = frames.first else { return nil }
        let observations = frames.map(\.observation)
        guard
            let model = estimator.neutralModel(
                observations, times: frames.map(\.captureTime), neutralEnd: .infinity)
        else { return nil }
        let poses = estimator.poses(observations, model: model, width: first.width, height: first.height).compactMap { $0 }
        guard let yaw = poses.map(\.yaw).upperMedian, let pitch = poses.map(\.pitch).upperMedian,
            let roll = poses.map(\.roll).upperMedian, let ear = observations.compactMap(\.ear).upperMedian
        else { return nil }
        self.model = model
        self.pose = HeadPose(yaw: yaw, pitch: pitch, roll: roll)
        self.mouth = observations.compactMap(\.mouth).upperMedian ?? 0
        self.ear = ear
    }

    /// The action signal of `frame`: its pose relative to the neutral one, its mouth over the neutral mouth.
    func signal(_ frame: LiveFrame, estimator: PoseEstimator) -> ActionSignal {
        let observation = frame.observation
        let pose = estimator.poses([observation], model: model, width: frame.width, height: frame.height)[0].map {
            HeadPose(yaw: $0.yaw - self.pose.yaw, pitch: $0.pitch - self.pose.pitch, roll: $0.roll - self.pose.roll)
        }
        return ActionSignal(time: frame.captureTime, pose: pose, mouth: observation.mouth.map { $0 - mouth }, ear: observation.ear)
    }
}
