/// What FFmpeg 5.1's mov demuxer (`libavformat/mov.c`, Debian 12's libavformat59) does with each box type,
/// as ``MP4Structure`` needs it.
///
/// FFmpeg dispatches on a box's type wherever the box stands: its parse table is flat, so an `stsz` inside
/// `udta`, or among a sample entry's trailing boxes, is read as the current track's sample table. The walk
/// therefore descends into every box FFmpeg descends into, places every box FFmpeg acts on, and refuses the
/// boxes that would let FFmpeg read something the walk does not see. docs/security.md has the whole list.
enum MP4Boxes {
    /// Boxes FFmpeg reads as a list of child boxes (`mov_read_default` and its callers). `meta` is read from
    /// its `hdlr` child on (``MP4Structure``), sample entries by ``MP4SampleEntry``.
    static let containers: Set<String> = [
        "moov", "trak", "mdia", "minf", "stbl", "edts", "dinf", "udta", "mvex", "moof", "traf", "tref", "ilst",
    ]

    /// Every box type FFmpeg's parse table handles (`mov_default_parse_table`), plus `keys`, which it reads
    /// inside `meta`. Any other box is skipped unread.
    static let handled: Set<String> = [
        "ACLR", "APRG", "AALP", "ARES", "avss", "av1C", "chpl", "co64", "colr", "ctts", "dinf", "DpxE", "dref", "edts",
        "elst", "enda", "fiel", "adrm", "ftyp", "glbl", "hdlr", "ilst", "jp2h", "mdat", "mdhd", "mdia", "meta", "minf",
        "moof", "moov", "mvex", "mvhd", "SMI ", "alac", "avcC", "pasp", "sidx", "stbl", "stco", "stps", "strf", "stsc",
        "stsd", "stss", "stsz", "stts", "stz2", "sdtp", "tkhd", "tfdt", "tfhd", "trak", "traf", "tref", "tmcd", "chap",
        "trex", "trun", "udta", "wave", "esds", "dac3", "dec3", "ddts", "wide", "wfex", "cmov", "chan", "dvc1", "sgpd",
        "sbgp", "hvcC", "uuid", "Cin\u{8E}", "free", "----", "sinf", "frma", "senc", "saiz", "saio", "pssh", "schm",
        "schi", "tenc", "dfLa", "st3d", "sv3d", "dOps", "dmlp", "SmDm", "CoLL", "vpcC", "mdcv", "clli", "dvcC", "dvvC",
        "dvwC", "kind", "SA3D", "SAND", "iloc", "pcmC", "pitm", "keys",
    ]

    /// Handled boxes that only set metadata or side data of the current track: harmless wherever they stand.
    static let benign: Set<String> = [
        "free", "wide", "uuid", "colr", "pasp", "fiel", "chan", "enda", "st3d", "sv3d", "SmDm", "CoLL", "mdcv", "clli",
        "kind", "SA3D", "SAND", "frma", "----", "chpl",
    ]

    /// The handled types that are not benign, as big-endian codes, for searching sample entries byte by byte.
    static let acting: Set<UInt32> = Set(handled.subtracting(benign).map { type in type.unicodeScalars.reduce(0) { $0 << 8 | $1.value & 0xFF } })

    /// Boxes refused wherever they stand, with the reason.
    static let refused: [String: String] = {
        var refused: [String: String] = [
            "cmov": "a compressed movie box (FFmpeg would read a movie the check cannot see)",
            "hoov": "a hidden movie box (FFmpeg reads 'hoov' as 'moov')",
            "iloc": "an image item (AVIF)", "pitm": "an image item (AVIF)",
        ]
        for type in ["sinf", "schi", "schm", "tenc", "senc", "saiz", "saio", "pssh", "adrm"] {
            refused[type] = "encryption ('\(type)')"
        }
        // Decoder set-up for codecs the service does not accept.
        for type in [
            "glbl", "hvcC", "av1C", "vpcC", "strf", "jp2h", "SMI ", "alac", "dac3", "dec3", "ddts", "wfex", "dfLa", "dmlp",
            "pcmC", "ACLR", "APRG", "AALP", "ARES", "avss", "DpxE", "Cin\u{8E}", "dvc1", "dvcC", "dvvC", "dvwC",
        ] {
            refused[type] = "set-up for a codec that is not accepted ('\(type.unicodeScalars.filter(\.isASCII))')"
        }
        return refused
    }()

    /// Where each placed box may stand: the type of its parent box ("" is the file's top level). Every handled
    /// box is placed, benign or refused.
    static let parents: [String: Set<String>] = {
        var parents: [String: Set<String>] = [
            "ftyp": [""], "moov": [""], "moof": [""], "mdat": [""], "sidx": [""],
            "mvhd": ["moov"], "trak": ["moov"], "mvex": ["moov"], "udta": ["moov", "trak"], "meta": ["moov", "trak", "udta"],
            "tkhd": ["trak"], "mdia": ["trak"], "edts": ["trak"], "tref": ["trak"], "elst": ["edts"],
            "chap": ["tref"], "tmcd": ["tref"], "mdhd": ["mdia"], "minf": ["mdia"], "hdlr": ["mdia", "minf", "meta"],
            "dinf": ["minf", "meta"], "dref": ["dinf"], "stbl": ["minf"], "ilst": ["meta"], "keys": ["meta"],
            "trex": ["mvex"], "traf": ["moof"], "tfhd": ["traf"], "tfdt": ["traf"], "trun": ["traf"],
            "sdtp": ["stbl", "traf"], "sgpd": ["stbl", "traf"], "sbgp": ["stbl", "traf"],
            // Only inside sample entries (``MP4SampleEntry``), never as boxes of the tree.
            "avcC": [], "esds": [], "wave": [], "dOps": [],
        ]
        for table in ["stsd", "stts", "ctts", "stss", "stps", "stsc", "stsz", "stz2", "stco", "co64"] { parents[table] = ["stbl"] }
        return parents
    }()

    /// Sample entries accepted (`stsd`): H.264 video, AAC or Opus audio, and the timed-metadata and timecode
    /// tracks phones add (FFmpeg opens no decoder for those).
    static let sampleEntries: [String: MP4SampleEntry.Kind] = [
        "avc1": .video, "avc3": .video, "mp4a": .audio, "Opus": .audio, "mebx": .data, "tmcd": .data,
    ]
}
