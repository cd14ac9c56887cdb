import Foundation

/// Small, exact edits to cmark-gfm's HTML output that its renderer has no option for.
enum HTMLPostProcessor {
    /// cmark-gfm's HTML made into the page's: each heading given its id, and, when `markers` is given, the marks the
    /// tree-editing steps left resolved (`resolveMarkers`). Both edit bytes, and the page takes bytes: no String is
    /// made of a document's HTML (making one checked every byte as UTF-8 again, 1.5% of a build's instructions).
    static func finishedBytes(_ html: UnsafePointer<CChar>, headings: [Heading], markers: (glossary: Glossary, glossaryHref: String)?) -> [UInt8] {
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(html).assumingMemoryBound(to: UInt8.self), count: strlen(html))
        func resolved(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
            markers.flatMap { resolveMarkers(in: bytes, glossary: $0.glossary, glossaryHref: $0.glossaryHref) }
        }
        guard let withIDs = headingIDsAdded(html, bytes: bytes, headings: headings) else { return resolved(bytes) ?? Array(bytes) }
        return withIDs.withUnsafeBufferPointer(resolved) ?? withIDs
    }

    /// cmark-gfm writes bare `<h2>`; each heading gets its id, in document order, so contents lists can link to it.
    ///
    /// It reads cmark-gfm's C string in place, in one pass, so a 60 MB document with 100,000 headings costs no more
    /// than its size. (Searching a Swift `Substring` with `range(of:)` bridged the rest of the page to `NSString` on
    /// every heading, which made this quadratic.) Nil when there are no headings: the bytes are as they came.
    private static func headingIDsAdded(_ html: UnsafePointer<CChar>, bytes: UnsafeBufferPointer<UInt8>, headings: [Heading]) -> [UInt8]? {
        guard !headings.isEmpty else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + headings.count * 32)
        var copiedUpTo = 0
        for heading in headings {
            // `<hN>` is only ever a tag cmark-gfm wrote: text and attribute values in its output have `<` escaped.
            // The tags are made once, not interpolated for each of a report's many headings.
            guard HTMLPostProcessor.headingTags.indices.contains(heading.level - 1) else { break }
            let tag = HTMLPostProcessor.headingTags[heading.level - 1]
            guard let found = tag.withUnsafeBufferPointer({ $0.baseAddress.flatMap { strstr(html + copiedUpTo, $0) } }) else { break }
            let offset = UnsafeRawPointer(found) - UnsafeRawPointer(html)
            result.append(contentsOf: bytes[copiedUpTo..<offset])
            result.append(contentsOf: HTMLPostProcessor.headingOpenings[heading.level - 1])
            result.append(contentsOf: heading.id.utf8)
            result.append(contentsOf: "\">".utf8)
            copiedUpTo = offset + tag.count - 1
        }
        result.append(contentsOf: bytes[copiedUpTo...])
        return result
    }

    /// `<h1>` to `<h6>` as C strings, and the start of each with an id (`<h1 id="`).
    private static let headingTags: [[CChar]] = (1...6).map { Array("<h\($0)>".utf8CString) }
    private static let headingOpenings: [[UInt8]] = (1...6).map { Array("<h\($0) id=\"".utf8) }

    static func addHeadingIDs(_ html: String, headings: [Heading]) -> String {
        html.withCString { String(decoding: finishedBytes($0, headings: headings, markers: nil), as: UTF8.self) }
    }
}

extension HTMLPostProcessor {
    /// Replaces the marks the tree-editing steps left in text: a paragraph mark right after `<p>` becomes the
    /// paragraph's id, an abbreviation mark becomes `<a href="…glossary…#term-x"><abbr title="meaning">X</abbr></a>`.
    /// Marks can only be in element content (they were text nodes), so no tag or attribute is ever edited.
    ///
    /// It runs on every page's HTML, so it works on the UTF-8 bytes into one output buffer and makes one String at
    /// the end. A byte search is exact here: the marks are whole scalars (EE 80 80 to EE 80 83 in UTF-8), and in
    /// UTF-8 no scalar's bytes appear inside another's. An opener without its closer is dropped; a stray closer stays.
    static func resolveMarkers(_ html: String, glossary: Glossary, glossaryHref: String) -> String {
        var contiguous = html
        let resolved = contiguous.withUTF8 { resolveMarkers(in: $0, glossary: glossary, glossaryHref: glossaryHref) }
        return resolved.map { String(decoding: $0, as: UTF8.self) } ?? html
    }

    /// The bytes with their marks resolved; nil when they hold none.
    static func resolveMarkers(in bytes: UnsafeBufferPointer<UInt8>, glossary: Glossary, glossaryHref: String) -> [UInt8]? {
        guard var opener = MarkerBytes.nextOpener(in: bytes, from: 0) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 256)
        lazy var escapedHref = Array(HTMLText.escape(glossaryHref).utf8)
        var copied = 0
        while true {
            output.append(contentsOf: bytes[copied..<opener.offset])
            let nameStart = opener.offset + MarkerBytes.length
            guard let nameEnd = MarkerBytes.next(opener.closer, in: bytes, from: nameStart) else {
                copied = nameStart
                guard let next = MarkerBytes.nextOpener(in: bytes, from: copied) else { break }
                opener = next
                continue
            }
            let nameBytes = UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd])
            if opener.isParagraph {
                // Written as bytes, the id escaped in place: a text made of the id and interpolated into another
                // was a thousand instructions for each of a report's numbered paragraphs.
                if endsWithParagraphTag(output) {
                    output.removeLast()
                    output.append(contentsOf: HTMLPostProcessor.idOpening)
                    HTMLEscaping.appendEscaped(nameBytes, to: &output)
                    output.append(contentsOf: HTMLPostProcessor.attributeClosing)
                }
                copied = nameEnd + MarkerBytes.length
                guard let next = MarkerBytes.nextOpener(in: bytes, from: copied) else { break }
                opener = next
                continue
            }
            let name = String(decoding: nameBytes, as: UTF8.self)
            if let entry = glossary.entry(for: name) {
                output.append(contentsOf: "<a class=\"abbr-link\" href=\"".utf8)
                output.append(contentsOf: escapedHref)
                output.append(contentsOf: "#\(entry.id)\"><abbr title=\"\(HTMLText.escape(entry.meaning))\">\(HTMLText.escape(name))</abbr></a>".utf8)
            } else {
                output.append(contentsOf: HTMLText.escape(name).utf8)
            }
            copied = nameEnd + MarkerBytes.length
            guard let next = MarkerBytes.nextOpener(in: bytes, from: copied) else { break }
            opener = next
        }
        output.append(contentsOf: bytes[copied...])
        return output
    }

    private static let idOpening = Array(" id=\"".utf8)
    private static let attributeClosing = Array("\">".utf8)

    /// Whether the output so far ends with the Character sequence `<p>`. The bytes decide, except when a non-ASCII
    /// scalar comes right before the `<`: a prepended mark (rare scripts) would join the `<` into its Character, so
    /// there the Characters of the last few scalars decide, as `String.hasSuffix` did.
    private static func endsWithParagraphTag(_ output: [UInt8]) -> Bool {
        guard output.count >= 3, output[output.count - 3] == UInt8(ascii: "<"), output[output.count - 2] == UInt8(ascii: "p"),
              output[output.count - 1] == UInt8(ascii: ">") else { return false }
        guard output.count > 3, output[output.count - 4] >= 0x80 else { return true }
        var start = max(0, output.count - 64)
        while start < output.count, output[start] & 0xC0 == 0x80 { start += 1 }  // begin on a scalar's first byte
        return String(decoding: output[start...], as: UTF8.self).hasSuffix("<p>")
    }
}

/// The marks in UTF-8: U+E000 to U+E003 are the three bytes EE 80 80 to EE 80 83.
private enum MarkerBytes {
    static let length = 3

    struct Opener {
        var offset: Int
        var isParagraph: Bool
        var closer: UInt8 { isParagraph ? last(MarkdownMarkers.paragraphEnd) : last(MarkdownMarkers.abbreviationEnd) }
    }

    /// The last byte of a mark's three; the first two are EE 80 for all four.
    static func last(_ mark: Unicode.Scalar) -> UInt8 { UInt8(0x80 | (mark.value & 0x3F)) }

    /// The next paragraph or abbreviation opener at or after `from`.
    static func nextOpener(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Opener? {
        let paragraph = last(MarkdownMarkers.paragraphStart), abbreviation = last(MarkdownMarkers.abbreviationStart)
        var index = from
        while let offset = nextLead(in: bytes, from: index) {
            let third = bytes[offset + 2]
            if third == paragraph || third == abbreviation { return Opener(offset: offset, isParagraph: third == paragraph) }
            index = offset + 1
        }
        return nil
    }

    /// The offset of the next mark ending in `third` at or after `from`.
    static func next(_ third: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var index = from
        while let offset = nextLead(in: bytes, from: index) {
            if bytes[offset + 2] == third { return offset }
            index = offset + 1
        }
        return nil
    }

    /// The next EE 80 pair that starts a three-byte scalar at or after `from` (memchr finds the rare EE quickly).
    private static func nextLead(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = from
        while index + 2 < bytes.count {
            guard let found = memchr(base + index, 0xEE, bytes.count - index - 2) else { return nil }
            let offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if bytes[offset + 1] == 0x80 { return offset }
            index = offset + 1
        }
        return nil
    }
}

/// Escaping for text written into HTML or XML outside a template: element content and quoted attribute values.
/// The same byte-level escaper as the templates', so a quote joined to a combining mark is escaped here too.
enum HTMLText {
    static func escape(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }
}
