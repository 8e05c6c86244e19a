/// Where the face is in a live frame, as the client's guide shows it.
public enum LiveFraming: String, Hashable, Sendable, CaseIterable {
    case ok
    case noFace = "no_face"
    case tooSmall = "too_small"
    case offCentre = "off_centre"

    /// The framing of `frame` under `policy`'s guide.
    public init(_ frame: LiveFrame, policy: LivePolicy) {
        let observation = frame.observation
        let diagonal = Point(x: 0, y: 0).distance(to: Point(x: Double(frame.width), y: Double(frame.height)))
        guard observation.faceSize > 0, observation.rigid.count == PoseEstimator.rigidPoints.count, diagonal > 0 else {
            self = .noFace
            return
        }
        let centre = Point(x: Double(frame.width) / 2, y: Double(frame.height) / 2)
        if observation.faceSize < policy.minFaceFraction * diagonal {
            self = .tooSmall
        } else if observation.faceCentre.distance(to: centre) > policy.maxCentreOffset * diagonal {
            self = .offCentre
        } else {
            self = .ok
        }
    }
}
