import CCmarkGFM

/// Plain English: the first use of each glossary abbreviation on a page is wrapped in `<abbr title="meaning">`
/// and links to its entry on the glossary page. A term matches as a whole word and in its case ("CLA", not "cla");
/// a plural "s" may follow it ("YPAs"). Only running text is touched, never code, links, headings or image text.
enum Abbreviations {
    /// Marks first uses in the running text (`CmarkNodes.walk`); the HTML post-processor turns the marks into
    /// `<abbr>` links.
    static func mark(in texts: [OpaquePointer], glossary: Glossary, used: inout Set<String>) {
        guard !glossary.isEmpty else { return }
        for node in texts {
            // Read where cmark-gfm keeps it: a String is made only of text that gains a mark.
            if let marked = CmarkNodes.withLiteralBytes(node, { marked($0, glossary: glossary, used: &used) }) {
                cmark_node_set_literal(node, marked)
            }
        }
    }

    /// The text with each first use of a term wrapped in markers. A word is a run of letters and numbers (by
    /// Character, as readers see them: "CLAé" is one word and no term). It runs over every text node of every page,
    /// so it walks the UTF-8 bytes, makes a String only of words that could be a term, and builds a new text only
    /// when a term is found; most text nodes are returned as they came.
    static func mark(_ text: String, glossary: Glossary, used: inout Set<String>) -> String {
        var contiguous = text
        return contiguous.withUTF8 { marked($0, glossary: glossary, used: &used) } ?? text
    }

    /// The text of `bytes` with its first uses marked, or nil when it has none.
    static func marked(_ bytes: UnsafeBufferPointer<UInt8>, glossary: Glossary, used: inout Set<String>) -> String? {
        // Terms are abbreviations: when each holds an ASCII capital, text without one cannot hold a term.
        var marks: [(word: Range<Int>, marked: String)]?
        if glossary.everyTermHasASCIICapital {
            let firstCapital = ByteWords.firstASCIICapital(in: bytes, from: 0)
            if firstCapital == bytes.count { return nil }
            marks = asciiWordMarks(in: bytes, from: firstCapital, glossary: glossary, used: &used)
        }
        let found = marks ?? characterWordMarks(in: bytes, glossary: glossary, used: &used)
        guard !found.isEmpty else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + found.count * 16)
        var copied = 0
        for (word, marked) in found {
            result.append(contentsOf: bytes[copied..<word.lowerBound])
            result.append(contentsOf: marked.utf8)
            copied = word.upperBound
        }
        result.append(contentsOf: bytes[copied...])
        return String(decoding: result, as: UTF8.self)
    }

    /// Each word holding an ASCII capital, found from its capitals alone (most bytes are only looked at eight at a
    /// time, for a capital among them, `ByteWords`) when every such word is ASCII letters and digits with ASCII on
    /// both sides: between two ASCII bytes a Character always ends, so the words are then the ones
    /// `characterWordMarks` finds. Nil, with `used` as it came, when such a word touches a non-ASCII byte, which may
    /// be a letter or a mark belonging to it. `from` is the first capital's index.
    private static func asciiWordMarks(in bytes: UnsafeBufferPointer<UInt8>, from firstCapital: Int, glossary: Glossary,
                                       used: inout Set<String>) -> [(word: Range<Int>, marked: String)]? {
        var marks: [(word: Range<Int>, marked: String)] = []
        var marked: [String] = []
        var index = firstCapital
        while index < bytes.count {
            var start = index
            while start > 0, bytes[start - 1] < 0x80, CharacterClass(ascii: bytes[start - 1]).isLetterOrNumber { start -= 1 }
            var end = index + 1
            while end < bytes.count, bytes[end] < 0x80, CharacterClass(ascii: bytes[end]).isLetterOrNumber { end += 1 }
            guard (start == 0 || bytes[start - 1] < 0x80), (end == bytes.count || bytes[end] < 0x80) else {
                for term in marked { used.remove(term) }
                return nil
            }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if glossary.termFilter.mayHold(word),
               let (term, text) = firstUse(String(decoding: word, as: UTF8.self), glossary: glossary, used: &used) {
                marks.append((start..<end, text))
                marked.append(term)
            }
            index = ByteWords.firstASCIICapital(in: bytes, from: end)
        }
        return marks
    }

    /// Each word holding a term, Character by Character over the bytes (`UTF8Characters`).
    private static func characterWordMarks(in bytes: UnsafeBufferPointer<UInt8>, glossary: Glossary,
                                           used: inout Set<String>) -> [(word: Range<Int>, marked: String)] {
        var marks: [(word: Range<Int>, marked: String)] = []
        var wordStart: Int?
        var wordHasCapital = false
        func endWord(at end: Int) {
            defer { wordStart = nil; wordHasCapital = false }
            guard let start = wordStart else { return }
            guard wordHasCapital || !glossary.everyTermHasASCIICapital else { return }
            if let (_, marked) = firstUse(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self),
                                          glossary: glossary, used: &used) {
                marks.append((start..<end, marked))
            }
        }
        UTF8Characters.forEach(in: bytes) { range, character in
            if character.isLetterOrNumber {
                if wordStart == nil { wordStart = range.lowerBound }
                if range.count == 1, Glossary.isASCIICapital(bytes[range.lowerBound]) { wordHasCapital = true }
            } else {
                endWord(at: range.lowerBound)
            }
        }
        endWord(at: bytes.count)
        return marks
    }

    /// The term and the word wrapped in markers when it is a term (or a term's plural, "YPAs") not yet used on the
    /// page.
    private static func firstUse(_ word: String, glossary: Glossary, used: inout Set<String>) -> (term: String, marked: String)? {
        var term = word
        var suffix = ""
        if glossary.entry(for: term) == nil, term.count > 2, term.hasSuffix("s") {
            term = String(term.dropLast())
            suffix = "s"
        }
        guard glossary.entry(for: term) != nil, !used.contains(term) else { return nil }
        used.insert(term)
        return (term, MarkdownMarkers.abbreviation(term) + suffix)
    }
}
