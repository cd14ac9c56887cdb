/// Recognises text in which Markdown can find nothing to do: cmark-gfm renders it as one paragraph holding exactly
/// the same characters, so a table cell or a control can skip the parser (a parser, five extensions, the parse lock
/// and a tree per cell were a twentieth of a deep-dive build). The test is deliberately narrow — any character that
/// could start Markdown, HTML, an entity, an autolink or a line structure sends the text to cmark-gfm — and
/// `PlainTextTests` checks it against cmark-gfm on thousands of generated strings.
enum PlainText {
    static func isPlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              !CharacterClass.isWhitespace(first), !CharacterClass.isWhitespace(last) else { return false }
        // A line starting with a digit may be a numbered list item ("1. …", "2) …").
        if first.isASCII, !(("a"..."z").contains(first) || ("A"..."Z").contains(first)) { return false }
        // Over the bytes where the string keeps them: stepping through `String.UTF8View` checked its index at every
        // byte (nearly 1% of a build, for every control and action cell).
        return text.utf8.withContiguousStorageIfAvailable(isPlain) ?? Array(text.utf8).withUnsafeBufferPointer(isPlain)
    }

    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Each byte's class from a table, with no branch but the one that ends the test: a switch over the byte's
        // ranges was 1,300 instructions for a typical action's cell of eighty bytes.
        byteClasses.withUnsafeBufferPointer { classes in
            var previous: UInt8 = 0
            for byte in bytes {
                let current = classes[Int(byte)]
                // "www." starts an autolink; so, to be safe, does any "ww" (cmark-gfm also accepts "WWW.").
                if current & allowed == 0 || current & previous & isW != 0 { return false }
                previous = current
            }
            return true
        }
    }

    private static let allowed: UInt8 = 1
    private static let isW: UInt8 = 2

    /// For each byte: `allowed` for letters, digits, a space, the punctuation , . ; ? ( ) / % ' - and every byte of
    /// a non-ASCII character (never Markdown syntax; whitespace ones are checked at the ends); not for any other
    /// punctuation (* _ [ ] ! < > & " ~ | # : @ + = and the rest), control characters, tabs or line breaks. `isW`
    /// for w and W.
    private static let byteClasses: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        let byte = UInt8(byte)
        let isAllowed: Bool
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: "?"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "'"), UInt8(ascii: "-"),
             0x80...0xFF:
            isAllowed = true
        default:
            isAllowed = false
        }
        return (isAllowed ? allowed : 0) | ((byte | 0x20) == UInt8(ascii: "w") ? isW : 0)
    }
}
