/// The Face Mesh indices the renderer moves: lips, lids.
enum FaceMeshRegions {
    /// The lower lip (outer and inner contours): it drops with the jaw.
    static let lowerLip = [146, 91, 181, 84, 17, 314, 405, 321, 375, 95, 88, 178, 87, 14, 317, 402, 318, 324]
    /// The inner mouth contour, in order around the opening (upper lip from corner to corner, lower lip back).
    static let innerMouth = [
        78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308, 324, 318, 402, 317, 14, 87, 178, 88, 95,
    ]
    /// Upper-lid points paired with the lower-lid points they close onto (the right eye, then the left).
    static let lids: [(upper: Int, lower: Int)] = [
        (246, 7), (161, 163), (160, 144), (159, 145), (158, 153), (157, 154), (173, 155),
        (466, 249), (388, 390), (387, 373), (386, 374), (385, 380), (384, 381), (398, 382),
    ]
    static let innerMouthCorners = (left: 78, right: 308)
    static let chin = 152
}
