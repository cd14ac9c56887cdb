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
