/// Small, exact edits to cmark-gfm's HTML output that its renderer has no option for.
enum HTMLPostProcessor {
    /// cmark-gfm writes bare `<h2>`; each heading gets its id, in document order, so contents lists can link to it.
    static func addHeadingIDs(_ html: String, headings: [Heading]) -> String {
        guard !headings.isEmpty else { return html }
        var result = ""
        result.reserveCapacity(html.utf8.count + headings.count * 24)
        var rest = html[...]
        for heading in headings {
            let tag = "<h\(heading.level)>"
            guard let range = rest.range(of: tag) else { break }
            result += rest[..<range.lowerBound]
            result += "<h\(heading.level) id=\"\(heading.id)\">"
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
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
enum HTMLText {
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
