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
