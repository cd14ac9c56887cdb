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
        var previous: UInt8 = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: "?"),
                 UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "'"), UInt8(ascii: "-"):
                break
            case 0x80...0xFF:
                break  // part of a non-ASCII character: never Markdown syntax (whitespace ones are checked at the ends)
            default:
                return false  // * _ ` [ ] ! \\ < > & " ~ | # : @ + = control characters, tab, line breaks…
            }
            // "www." starts an autolink; so, to be safe, does any "ww" (cmark-gfm also accepts "WWW.").
            if (byte | 0x20) == UInt8(ascii: "w"), (previous | 0x20) == UInt8(ascii: "w") { return false }
            previous = byte
        }
        return true
    }
}
