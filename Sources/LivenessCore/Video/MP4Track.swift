/// What one `trak` declares about its samples, checked when the track ends.
///
/// FFmpeg's `mov_build_index` sizes a track's index from the sample-to-chunk table (`stsc`): samples per chunk
/// times the chunks of each run. For audio with a constant sample size it splits chunks into index entries from
/// those values alone, so one `stsc` entry of 2³¹−1 samples per chunk costs gigabytes whatever `stsz` says.
struct MP4Track {
    /// The kinds of the track's sample entries.
    var kinds: Set<MP4SampleEntry.Kind> = []
    /// `stsz`: the constant sample size (0 when each sample has its own) and the sample count.
    var sampleSize = 0
    var sampleCount: Int?
    /// `stco`/`co64`: the chunk count.
    var chunkCount: Int?
    /// `stsc`: runs of chunks (first chunk, 1-based; samples per chunk).
    var chunkRuns: [(first: Int, samples: Int)] = []

    /// A track with an H.264 sample entry.
    var isVideo: Bool { kinds.contains(.video) }

    /// Throws `video_too_long` when the samples the tables imply exceed what a clip within `limits` holds, or a
    /// chunk could not fit the file; `invalid_video` for a sample-to-chunk table FFmpeg would have to repair.
    func check(limits: VideoLimits, fileSize: Int) throws(LivenessError) {
        if isVideo, let sampleCount, sampleCount > limits.maxDecodedFrames {
            throw LivenessError(.videoTooLong, "the video declares \(sampleCount) frames; the limit is \(limits.maxDecodedFrames)")
        }
        guard !chunkRuns.isEmpty else { return }
        let chunks = chunkCount ?? 0
        var implied = 0
        for (index, run) in chunkRuns.enumerated() {
            let next = index + 1 < chunkRuns.count ? chunkRuns[index + 1].first : chunks + 1
            guard run.first >= 1, run.samples >= 1, next > run.first || (index + 1 == chunkRuns.count && run.first > chunks) else {
                throw LivenessError(.invalidVideo, "the MP4/MOV sample-to-chunk table (stsc) is out of order")
            }
            if run.samples > MP4Structure.maxSamples(limits) || (sampleSize > 0 && run.samples > fileSize / sampleSize) {
                throw LivenessError(.videoTooLong, "an MP4/MOV chunk declares \(run.samples) samples, more than the file holds")
            }
            implied += run.samples * max(0, next - run.first)
            if implied > MP4Structure.maxSamples(limits) {
                throw LivenessError(
                    .videoTooLong, "the MP4/MOV sample-to-chunk table implies more samples than a \(Int(limits.maxSeconds)) s clip has")
            }
        }
        // One chunk of slack: a recording cut short may end inside its last chunk.
        if let sampleCount, implied > sampleCount + (chunkRuns.last?.samples ?? 0) {
            throw LivenessError(.invalidVideo, "the MP4/MOV sample-to-chunk table implies \(implied) samples; the track has \(sampleCount)")
        }
    }
}
