/// What the word-walking steps (reading time, abbreviations) ask of one Character: is it white space, and is it a
/// letter or a number. The same answers as `Character.isWhitespace`, `.isLetter` and `.isNumber`.
struct CharacterClass {
    var isWhitespace: Bool
    var isLetterOrNumber: Bool

    init(_ character: Character) {
        isWhitespace = character.isWhitespace
        isLetterOrNumber = character.isLetter || character.isNumber
    }

    /// An ASCII byte's class without Unicode property tables: white space is tab, line feed, vertical tab, form
    /// feed, carriage return and space (Unicode's White_Space in ASCII); letters and digits are [A-Za-z0-9].
    /// A test checks all 128 bytes against `Character`'s own answers.
    @inline(__always)
    init(ascii byte: UInt8) {
        isWhitespace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
        isLetterOrNumber = (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
    }

    /// Whether a scalar is Unicode's White_Space, which is what `Character.isWhitespace` asks of a Character's first
    /// scalar: by value in ASCII, from Unicode's tables only outside it.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? CharacterClass(ascii: UInt8(scalar.value)).isWhitespace : scalar.properties.isWhitespace
    }
}

/// Walks a text's Characters over its UTF-8 bytes, for the per-word steps that run over every text of every
/// document. Most report text is ASCII, so an ASCII byte between two ASCII bytes is classified by its value alone;
/// only stretches around non-ASCII bytes are decoded as Characters (with their Unicode properties).
///
/// Why this gives the same Characters as iterating the String: between two ASCII scalars there is always a
/// grapheme cluster boundary (no ASCII scalar is an extending mark, a joiner, a prepended mark, a regional
/// indicator or a pictograph), except inside "\r\n", which is split here into two white-space Characters instead of
/// one (the same answers to both questions). Grapheme clusters never reach across such a boundary, so a stretch cut
/// at one decodes to the same Characters alone as inside the whole text.
enum UTF8Characters {
    /// Calls `body` with the byte range in `bytes` and the class of each Character, in order.
    @inline(__always)
    static func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, CharacterClass) -> Void) {
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x80, index + 1 == count || bytes[index + 1] < 0x80 {
                body(index..<index + 1, CharacterClass(ascii: byte))
                index += 1
                continue
            }
            index = forEachInStretch(in: bytes, from: index, body)
        }
    }

    /// The Characters of the stretch from `index` that holds non-ASCII bytes (or a last ASCII byte before one), up to
    /// the next boundary between two ASCII bytes, decoded with their Unicode properties; returns where it ends.
    static func forEachInStretch(in bytes: UnsafeBufferPointer<UInt8>, from index: Int, _ body: (Range<Int>, CharacterClass) -> Void) -> Int {
        var end = index + 1
        while end < bytes.count, !(bytes[end - 1] < 0x80 && bytes[end] < 0x80) { end += 1 }
        var start = index
        for character in String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self) {
            let length = character.utf8.count
            body(start..<start + length, CharacterClass(character))
            start += length
        }
        return end
    }

    /// Each ASCII byte's class as bits, for loops without branches: 1 white space, 2 letter or number.
    static let asciiClassBits: [UInt8] = (0..<128).map { byte in
        let character = CharacterClass(ascii: UInt8(byte))
        return (character.isWhitespace ? 1 : 0) | (character.isLetterOrNumber ? 2 : 0)
    }
}
