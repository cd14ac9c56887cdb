/// What the Markdown fragments of one page share, so the page reads as one text: heading ids already in use, the
/// numbered paragraphs that references can link to, and the abbreviations already explained (only the first use
/// on a page is wrapped in `<abbr>`).
public struct PageText: Sendable {
    public var headingIDs: HeadingIDAllocator
    /// Ids of the numbered paragraphs on the page so far, e.g. "para-6-47".
    public var paragraphIDs: Set<String> = []
    public var glossary: Glossary
    /// The link from this page to the glossary page, e.g. "../../glossary/index.html".
    public var glossaryHref: String
    /// Terms already wrapped in `<abbr>` on this page.
    public var abbreviationsUsed: Set<String> = []
    /// Paragraph anchors, cross-reference links and abbreviations are added only for a page's own text; a small
    /// fragment (a table cell, a control) is rendered without them.
    public var annotates: Bool

    /// A page's text: numbered paragraphs become link targets, references link to them, abbreviations are explained.
    public init(headingIDs: HeadingIDAllocator = HeadingIDAllocator(), glossary: Glossary, glossaryHref: String) {
        self.headingIDs = headingIDs
        self.glossary = glossary
        self.glossaryHref = glossaryHref
        self.annotates = true
    }

    /// Plain Markdown with heading ids only.
    public init(headingIDs: HeadingIDAllocator) {
        self.headingIDs = headingIDs
        self.glossary = .empty
        self.glossaryHref = ""
        self.annotates = false
    }
}
