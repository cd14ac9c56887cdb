import CCmarkGFM

/// Plain English: the first use of each glossary abbreviation on a page is wrapped in `<abbr title="meaning">`
/// and links to its entry on the glossary page. A term matches as a whole word and in its case ("CLA", not "cla");
/// a plural "s" may follow it ("YPAs"). Only running text is touched, never code, links, headings or image text.
enum Abbreviations {
    /// Marks first uses in the tree's text; the HTML post-processor turns the marks into `<abbr>` links.
    static func mark(in root: OpaquePointer, glossary: Glossary, used: inout Set<String>) {
        guard !glossary.isEmpty else { return }
        for node in CmarkNodes.all(CMARK_NODE_TEXT, under: root) where CmarkNodes.isRunningText(node) {
            let text = CmarkNodes.literal(node)
            let marked = mark(text, glossary: glossary, used: &used)
            if marked != text { cmark_node_set_literal(node, marked) }
        }
    }

    /// The text with each first use of a term wrapped in markers.
    static func mark(_ text: String, glossary: Glossary, used: inout Set<String>) -> String {
        var result = ""
        var word = ""
        func flush() {
            defer { word = "" }
            guard !word.isEmpty else { return }
            var term = word
            var suffix = ""
            if glossary.entry(for: term) == nil, term.count > 2, term.hasSuffix("s") {
                term = String(term.dropLast())
                suffix = "s"
            }
            guard glossary.entry(for: term) != nil, !used.contains(term) else {
                result += word
                return
            }
            used.insert(term)
            result += MarkdownMarkers.abbreviation(term) + suffix
        }
        for character in text {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }
}
