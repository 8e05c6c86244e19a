import Foundation
import LivenessCore

/// Renders test clips of head turns, nods, mouth opening and blinks from one still, deterministically.
///
/// The still's Face Mesh (468 points with depth) is triangulated together with a fixed ring around the face
/// and the image's border; each frame rotates the mesh about a pivot behind the face (yaw, then pitch),
/// drops the lower lip and chin for the mouth, closes the upper lids onto the lower ones for a blink, and
/// texture-warps every triangle from the still to its new place, farthest first. The opened mouth is filled
/// dark; a little seeded sensor noise and sway are added. Face Mesh reads such renders at a smaller angle
/// than their truth, which is why ``RenderScript`` turns 38°.
public struct ClipRenderer {
    let still: DecodedImage
    let mesh: [Point3]
    let points: [Point]
    let fixed: [Point]
    let triangles: [Int32]
    let centre: Point3
    let size: Double

    /// - Parameters: `still`, an upright image; `mesh`, its face's Face Mesh points.
    public init(still: DecodedImage, mesh: [Point3]) throws(LivenessError) {
        self.still = still
        self.mesh = mesh
        points = mesh.map(\.flat)
        let xs = points.map(\.x)
        let ys = points.map(\.y)
        let (width, height) = (Double(still.width), Double(still.height))
        size = hypot((xs.max() ?? 0) - (xs.min() ?? 0), (ys.max() ?? 0) - (ys.min() ?? 0))
        let n = Double(mesh.count)
        centre = Point3(
            x: mesh.reduce(0) { $0 + $1.x } / n, y: mesh.reduce(0) { $0 + $1.y } / n, z: mesh.reduce(0) { $0 + $1.z } / n)
        var ring: [Point] = []
        for k in 0..<24 {
            let angle = Double(k) * 2 * .pi / 24
            let point = Point(x: centre.x + 0.8 * size * cos(angle), y: centre.y + 0.8 * size * sin(angle))
            if point.x > 1 && point.y > 1 && point.x < width - 2 && point.y < height - 2 { ring.append(point) }
        }
        let border = [(0.0, 0.0), (0.5, 0.0), (1.0, 0.0), (1.0, 0.5), (1.0, 1.0), (0.5, 1.0), (0.0, 1.0), (0.0, 0.5)].map {
            Point(x: min($0.0 * width, width - 1), y: min($0.1 * height, height - 1))
        }
        fixed = ring + border
        triangles = try DecodedImage.triangulate(points + fixed, width: still.width, height: still.height)
    }

    /// The still's size, cut to even sides (I420).
    public var frameSize: (width: Int, height: Int) { (still.width / 2 * 2, still.height / 2 * 2) }

    /// Renders `script` as a Y4M file (I420, the still's size cut to even sides): the format FFmpeg encodes
    /// and Chromium plays as a fake camera.
    public func y4m(_ script: RenderScript) throws(LivenessError) -> [UInt8] {
        guard still.width % 2 == 0, still.height % 2 == 0 else {
            throw LivenessError.invalidRequest("the still must have even sides (\(still.width)x\(still.height))")
        }
        var out = Array("YUV4MPEG2 W\(still.width) H\(still.height) F\(script.fps):1 Ip A1:1 C420jpeg\n".utf8)
        var generator = SplitMix64(seed: script.seed)
        var sway = Point(x: 0, y: 0)
        let frames = Int((script.seconds * Double(script.fps)).rounded())
        for index in 0..<frames {
            sway.x = max(-3, min(3, sway.x + script.sway * generator.unit()))
            sway.y = max(-3, min(3, sway.y + script.sway * generator.unit()))
            let frame = try frame(at: Double(index) / Double(script.fps), script: script, index: index, sway: sway)
            out += Array("FRAME\n".utf8)
            out += try frame.i420()
        }
        return out
    }

    /// One frame at `time` with frame `index`'s seeded sensor noise, shifted by `sway`: a clip's frame, or what
    /// a scripted live client sends at that moment.
    public func frame(at time: Double, script: RenderScript, index: Int, sway: Point = Point(x: 0, y: 0)) throws(LivenessError)
        -> DecodedImage
    {
        let frame = try render(at: time, script: script, sway: sway)
        try frame.addNoise(seed: script.seed &* 1_000_003 &+ UInt64(index), sigma: script.noise)
        return frame
    }

    /// One frame at `time`.
    func render(at time: Double, script: RenderScript, sway: Point) throws(LivenessError) -> DecodedImage {
        var yaw = 0.0
        var pitch = 0.0
        var mouth = 0.0
        var lids = 0.0
        for action in script.actions {
            let amount = action.envelope(at: time) * action.amount
            switch action.action {
            case .turnLeft: yaw += amount
            case .turnRight: yaw -= amount
            case .lookUp: pitch += amount
            case .lookDown: pitch -= amount
            case .openMouth: mouth += amount
            case .blink: lids += amount
            }
        }
        var moved = mesh
        let corners = FaceMeshRegions.innerMouthCorners
        let mouthWidth = points[corners.left].distance(to: points[corners.right])
        let mouthX = (points[corners.left].x + points[corners.right].x) / 2
        let lowerLipY = points[17].y
        let lowerLip = Set(FaceMeshRegions.lowerLip)
        if mouth > 0 {
            for index in moved.indices where lowerLip.contains(index) || moved[index].y > lowerLipY {
                let sideways = abs(moved[index].x - mouthX) / mouthWidth
                let weight = lowerLip.contains(index) ? 1 : max(0, min(1, 1.6 - sideways))
                moved[index].y += mouth * mouthWidth * weight
            }
        }
        if lids > 0 {
            for pair in FaceMeshRegions.lids {
                moved[pair.upper].x += (mesh[pair.lower].x - mesh[pair.upper].x) * 0.9 * lids
                moved[pair.upper].y += (mesh[pair.lower].y - mesh[pair.upper].y) * 0.9 * lids
            }
        }
        let projected = moved.map { rotate($0, yaw: yaw, pitch: pitch) }
        let to = projected.map { Point(x: $0.x + sway.x, y: $0.y + sway.y) } + fixed
        let depth = projected.map(\.z) + fixed.map { _ in Double.infinity }
        let order = stride(from: 0, to: triangles.count, by: 3).sorted { a, b in
            let za = depth[Int(triangles[a])] + depth[Int(triangles[a + 1])] + depth[Int(triangles[a + 2])]
            let zb = depth[Int(triangles[b])] + depth[Int(triangles[b + 1])] + depth[Int(triangles[b + 2])]
            return za == zb ? a < b : za > zb
        }
        let sorted = order.flatMap { [triangles[$0], triangles[$0 + 1], triangles[$0 + 2]] }
        let frame = try still.warped(from: points + fixed, to: to, triangles: sorted)
        if mouth > 0.02 {
            try frame.fillPolygon(FaceMeshRegions.innerMouth.map { to[$0] }, rgb: 0x2B_1512)
        }
        return frame
    }

    /// `point` turned by `yaw` (the person's left, positive) and `pitch` (up, positive) about a pivot behind
    /// the face, projected orthographically.
    func rotate(_ point: Point3, yaw: Double, pitch: Double) -> Point3 {
        let pivot = Point3(x: centre.x, y: centre.y + 0.1 * size, z: centre.z + 0.45 * size)
        let (a, b) = (-yaw * .pi / 180, -pitch * .pi / 180)
        var (x, y, z) = (point.x - pivot.x, point.y - pivot.y, point.z - pivot.z)
        (y, z) = (y * cos(b) - z * sin(b), y * sin(b) + z * cos(b))
        (x, z) = (x * cos(a) + z * sin(a), -x * sin(a) + z * cos(a))
        return Point3(x: x + pivot.x, y: y + pivot.y, z: z + pivot.z)
    }
}
