import CCmarkGFM
import Foundation

/// References to numbered paragraphs become links: "paragraph 6.47", "paragraphs 6.2 and 6.3", "see paragraph 2.2",
/// "paras 4.1 to 4.3". Each number links to `#para-…` only when that paragraph is on the same page; a reference to
/// another report's paragraph stays plain text. Only running text is touched, never code, links or image text.
enum CrossReferences {
    /// "paragraph(s)" or "para(s)(.)", then one number or a list of numbers joined by commas, "and", "or", "to" or a dash.
    nonisolated(unsafe) static let reference = #/(?i)\b(?:paragraphs?|paras?\.?)\s+\d+(?:\.\d+)+(?!\d)(?:(?:\s*,\s*|\s*&\s*|\s+(?:and|or|to)\s+|\s*[–-]\s*)\d+(?:\.\d+)+(?!\d))*/#
    nonisolated(unsafe) static let number = #/\d+(?:\.\d+)+/#

    enum Piece: Equatable {
        case text(String)
        case link(text: String, id: String)
    }

    /// The text cut into plain pieces and links, or nil when it has no reference to a paragraph in `targets`.
    static func pieces(of text: String, targets: Set<String>) -> [Piece]? {
        // Most text mentions no paragraph; a plain search first spares the regular expression (slow per call).
        guard text.utf8.count > 6, mayReferToParagraph(text) else { return nil }
        var pieces: [Piece] = []
        var position = text.startIndex
        for match in text.matches(of: reference) {
            for number in text[match.range].matches(of: CrossReferences.number) {
                guard let id = ParagraphNumbers.id(for: number.output), targets.contains(id) else { continue }
                pieces.append(.text(String(text[position..<number.range.lowerBound])))
                pieces.append(.link(text: String(number.output), id: id))
                position = number.range.upperBound
            }
        }
        guard !pieces.isEmpty else { return nil }
        pieces.append(.text(String(text[position...])))
        return pieces.filter { $0 != .text("") }
    }

    /// Whether the text could hold a reference: "para" in any case, followed by what the expression allows next
    /// ("graph", "s", ".", or white space). A byte search: no lower-cased copy, no bridging to NSString, no
    /// expression. It matters because numbered paragraphs carry their mark (`\u{E000}para-6-47\u{E001}`) by now,
    /// so "para" alone sent every numbered paragraph through the regular expression.
    ///
    /// It never refuses text the expression would match: only ASCII letters lower-case to "p", "a" and "r", and a
    /// non-ASCII byte (a Unicode space, or a letter that case-folds to "s") lets the text through.
    static func mayReferToParagraph(_ text: String) -> Bool {
        var contiguous = text
        // Over the bytes where they lie: iterating `utf8` checks at every step where the string keeps them.
        return contiguous.withUTF8 { mayReferToParagraph($0) }
    }

    /// Each "p" or "P" is found with `memchr` (a letter in fifty of running text), and only there are the next
    /// bytes compared: a byte-by-byte walk over every text node of every report was a hundredth of a build.
    static func mayReferToParagraph(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        for letter in [UInt8(ascii: "p"), UInt8(ascii: "P")] {
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, Int32(letter), bytes.count - offset) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if followsPara(bytes, at: index) { return true }
                offset = index + 1
            }
        }
        return false
    }

    /// "ara" in any case after the "p" at `index`, then g(raph), s, ".", ASCII white space or control, or any
    /// non-ASCII byte.
    private static func followsPara(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 4 < bytes.count, bytes[index + 1] | 0x20 == UInt8(ascii: "a"), bytes[index + 2] | 0x20 == UInt8(ascii: "r"),
              bytes[index + 3] | 0x20 == UInt8(ascii: "a") else { return false }
        let next = bytes[index + 4]
        let lower = next | 0x20
        return lower == UInt8(ascii: "g") || lower == UInt8(ascii: "s") || next == UInt8(ascii: ".") || next <= 0x20 || next >= 0x80
    }

    /// Links every reference in the running text (`CmarkNodes.walk`) to its paragraph. A text that holds one is
    /// replaced by texts and links: `texts` then lists the new texts in its place, so the next pass sees them. (The
    /// list is made anew, not edited in place: a report may refer to a paragraph in every one of its texts.)
    /// `allocator`: the one the texts' tree was made with.
    static func link(in texts: inout [OpaquePointer], targets: Set<String>, allocator: UnsafeMutablePointer<cmark_mem>) {
        guard !targets.isEmpty else { return }
        var runningTexts: [OpaquePointer] = []
        runningTexts.reserveCapacity(texts.count)
        for node in texts {
            // The search that `pieces` starts with, run on cmark-gfm's bytes first: most text is passed by without
            // a String made of it.
            guard CmarkNodes.withLiteralBytes(node, { $0.count > 6 && mayReferToParagraph($0) }),
                  let pieces = pieces(of: CmarkNodes.literal(node), targets: targets) else {
                runningTexts.append(node)
                continue
            }
            let nodes = pieces.compactMap { piece -> OpaquePointer? in
                switch piece {
                case .text(let text):
                    let made = CmarkNodes.text(text, allocator: allocator)
                    if let made { runningTexts.append(made) }
                    return made
                case .link(let text, let id):
                    return CmarkNodes.link(to: "#" + id, text: text, allocator: allocator)
                }
            }
            CmarkNodes.replace(node, with: nodes)
        }
        texts = runningTexts
    }
}
