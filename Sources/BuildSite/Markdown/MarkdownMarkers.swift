import Foundation

/// Marks that the tree-editing steps leave in text for the HTML post-processor, which replaces them with markup
/// cmark-gfm cannot write (an id on a `<p>`, an `<abbr>`). They use private-use characters that authors' text never
/// holds (any found there are removed before parsing), so the post-processor never mistakes a reader's words for a
/// mark, and as text nodes they can only end up in element content, never inside a tag or an attribute.
enum MarkdownMarkers {
    static let paragraphStart: Unicode.Scalar = "\u{E000}"
    static let paragraphEnd: Unicode.Scalar = "\u{E001}"
    static let abbreviationStart: Unicode.Scalar = "\u{E002}"
    static let abbreviationEnd: Unicode.Scalar = "\u{E003}"

    // As texts, joined to an id or a term: a scalar interpolated into a string is written through the generic text
    // stream, 340 instructions each, twice for every numbered paragraph.
    private static let paragraphStartText = String(paragraphStart)
    private static let paragraphEndText = String(paragraphEnd)
    private static let abbreviationStartText = String(abbreviationStart)
    private static let abbreviationEndText = String(abbreviationEnd)

    static func paragraph(_ id: String) -> String { paragraphStartText + id + paragraphEndText }
    static func abbreviation(_ term: String) -> String { abbreviationStartText + term + abbreviationEndText }

    /// The author's text without any of the marker characters.
    static func removed(from text: String) -> String {
        guard mayHoldMarker(text), text.unicodeScalars.contains(where: isMarker) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { !isMarker($0) })
        return String(scalars)
    }

    static func isMarker(_ scalar: Unicode.Scalar) -> Bool { (0xE000...0xE003).contains(scalar.value) }

    /// False when the text has no marker for certain: each is EE 80 8x in UTF-8, and a text without the byte EE has
    /// none. One byte search over a whole report, where decoding each of its characters was a hundredth of a build.
    private static func mayHoldMarker(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let start = bytes.baseAddress else { return false }
            return memchr(start, 0xEE, bytes.count) != nil
        } ?? true
    }
}
