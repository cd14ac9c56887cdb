import Testing
@testable import BuildSite

/// The short cut for plain cells must never change what a cell shows: every string it accepts, cmark-gfm renders
/// as exactly that string.
@Suite("Plain table cells and controls skip the parser")
struct PlainTextTests {
    let renderer = MarkdownRenderer()

    func viaCmark(_ text: String) -> String {
        let html = renderer.render(text).html.trimmingCharacters(in: .whitespacesAndNewlines)
        if html.hasPrefix("<p>"), html.hasSuffix("</p>"), html.components(separatedBy: "<p>").count == 2 {
            return String(html.dropFirst(3).dropLast(4))
        }
        return html
    }

    @Test("Sentences from real reports are plain; Markdown, HTML, links and numbered items are not")
    func examples() {
        for plain in ["Mandatory Safeguarding training in place", "Policies, Governance, practice development and training in place.",
                      "Within budget", "Cross council review-the work of the VAWG Board", "Face to face visiting (weekly) for 95% of children",
                      "Camden’s children’s social work rated “outstanding”", "Financial and staff"] {
            #expect(PlainText.isPlain(plain), "\(plain)")
            #expect(renderer.renderInline(plain) == viaCmark(plain))
        }
        for markdown in ["**Bold** start", "1. Numbered", "2) item", "- bullet", "# Heading", "See www.camden.gov.uk", "See WWW.CAMDEN.GOV.UK",
                         "mail a@b.org", "http://x.org", "A & B", "x < y", "say \"hi\"", "~~gone~~", "a | b", "line\nbreak",
                         " leading space", "trailing space ", "a\ttab", "snake_case", "`code`", "[link](x)", "back\\slash", "", "1984 plan",
                         "Two\n\nparagraphs", "One\n\n- and a list", "> quoted"] {
            #expect(!PlainText.isPlain(markdown), "\(markdown)")
            #expect(renderer.renderInline(markdown) == viaCmark(markdown), "\(markdown.debugDescription)")
        }
    }

    @Test("Thousands of generated strings render as cmark-gfm renders them; whatever the short cut accepts, unchanged")
    func generated() {
        let alphabet = Array("aAzZw W09 ,.;?()/%'-*_`[]!\\<>&\"~|#:@+=£’é\t\n^{}$")
        var generator = SystemRandomNumberGenerator()
        var accepted = 0
        for _ in 0..<12_000 {
            let length = Int.random(in: 1...14, using: &generator)
            let text = String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
            // Either way, through the short cut or through cmark-gfm with its one paragraph unwrapped.
            #expect(renderer.renderInline(text) == viaCmark(text), "\(text.debugDescription)")
            if PlainText.isPlain(text) { accepted += 1 }
        }
        #expect(accepted > 150)
    }
}
