import Foundation

/// Small, exact edits to cmark-gfm's HTML output that its renderer has no option for.
enum HTMLPostProcessor {
    /// cmark-gfm writes bare `<h2>`; each heading gets its id, in document order, so contents lists can link to it.
    ///
    /// It reads cmark-gfm's C string in place and writes the page's String once: one pass and one copy, so a 60 MB
    /// document with 100,000 headings costs no more than its size. (Searching a Swift `Substring` with
    /// `range(of:)` bridged the rest of the page to `NSString` on every heading, which made this quadratic.)
    static func addHeadingIDs(_ html: UnsafePointer<CChar>, headings: [Heading]) -> String {
        let length = strlen(html)
        let bytes = UnsafeRawBufferPointer(start: html, count: length)
        guard !headings.isEmpty else { return String(decoding: bytes, as: UTF8.self) }
        var result: [UInt8] = []
        result.reserveCapacity(length + headings.count * 32)
        var copiedUpTo = 0
        for heading in headings {
            // `<hN>` is only ever a tag cmark-gfm wrote: text and attribute values in its output have `<` escaped.
            let tag = "<h\(heading.level)>"
            guard let found = strstr(html + copiedUpTo, tag) else { break }
            let offset = UnsafeRawPointer(found) - UnsafeRawPointer(html)
            result.append(contentsOf: bytes[copiedUpTo..<offset])
            result.append(contentsOf: "<h\(heading.level) id=\"\(heading.id)\">".utf8)
            copiedUpTo = offset + tag.utf8.count
        }
        result.append(contentsOf: bytes[copiedUpTo...])
        return String(decoding: result, as: UTF8.self)
    }

    static func addHeadingIDs(_ html: String, headings: [Heading]) -> String {
        html.withCString { addHeadingIDs($0, headings: headings) }
    }
}

extension HTMLPostProcessor {
    /// Replaces the marks the tree-editing steps left in text: a paragraph mark right after `<p>` becomes the
    /// paragraph's id, an abbreviation mark becomes `<a href="…glossary…#term-x"><abbr title="meaning">X</abbr></a>`.
    /// Marks can only be in element content (they were text nodes), so no tag or attribute is ever edited.
    static func resolveMarkers(_ html: String, glossary: Glossary, glossaryHref: String) -> String {
        guard html.unicodeScalars.contains(where: MarkdownMarkers.isMarker) else { return html }
        var output = ""
        output.reserveCapacity(html.utf8.count + 256)
        var scalars = html.unicodeScalars[...]
        while let start = scalars.firstIndex(where: { $0 == MarkdownMarkers.paragraphStart || $0 == MarkdownMarkers.abbreviationStart }) {
            output.unicodeScalars.append(contentsOf: scalars[..<start])
            let opener = scalars[start]
            let closer = opener == MarkdownMarkers.paragraphStart ? MarkdownMarkers.paragraphEnd : MarkdownMarkers.abbreviationEnd
            let afterOpener = scalars.index(after: start)
            guard let end = scalars[afterOpener...].firstIndex(of: closer) else {
                scalars = scalars[afterOpener...]
                continue
            }
            let name = String(String.UnicodeScalarView(scalars[afterOpener..<end]))
            if opener == MarkdownMarkers.paragraphStart {
                if output.hasSuffix("<p>") {
                    output.removeLast()
                    output += " id=\"\(HTMLText.escape(name))\">"
                }
            } else if let entry = glossary.entry(for: name) {
                output += "<a class=\"abbr-link\" href=\"\(HTMLText.escape(glossaryHref))#\(entry.id)\"><abbr title=\"\(HTMLText.escape(entry.meaning))\">\(HTMLText.escape(name))</abbr></a>"
            } else {
                output += HTMLText.escape(name)
            }
            scalars = scalars[scalars.index(after: end)...]
        }
        output.unicodeScalars.append(contentsOf: scalars)
        return output
    }
}

/// Escaping for text written into HTML or XML outside a template: element content and quoted attribute values.
/// The same byte-level escaper as the templates', so a quote joined to a combining mark is escaped here too.
enum HTMLText {
    static func escape(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }
}
