/// The video containers the service accepts, recognised from their first bytes.
///
/// FFmpeg can open far more (image sequences, playlists that fetch URLs, ...); only what phones
/// and browsers record is let through to it.
public enum VideoContainer: String, Sendable {
    /// ISO base media: MP4 and QuickTime MOV.
    case isoBaseMedia = "mp4"
    /// Matroska, including WebM.
    case matroska = "webm"

    public static func sniff(_ bytes: [UInt8]) -> VideoContainer? {
        let reader = ByteReader(bytes)
        if reader.matches([0x1A, 0x45, 0xDF, 0xA3], at: 0) { return .matroska }
        for box in ["ftyp", "moov", "mdat", "free", "wide", "skip"] where reader.matches(Array(box.utf8), at: 4) {
            return .isoBaseMedia
        }
        return nil
    }
}
