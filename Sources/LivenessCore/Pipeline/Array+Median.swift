extension Array where Element == Double {
    /// The upper median (the middle value; of an even count, the higher of the two), or nil when empty.
    var upperMedian: Double? { isEmpty ? nil : sorted()[count / 2] }
}
