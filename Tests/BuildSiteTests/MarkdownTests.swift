import Testing
@testable import BuildSite

@Suite("Markdown through cmark-gfm")
struct MarkdownTests {
    let renderer = MarkdownRenderer()

    @Test("The HTML is valid UTF-8 whatever the Markdown holds: bad character references, NUL, marks, emoji, raw HTML")
    func htmlBytesAreValidUTF8() {
        let pieces = ["&#0;", "&#xD800;", "&#x110000;", "&#99999999;", "&bogus;", "&amp;", "&#x1F600;", "a\u{0}b", "é\u{301}",
                      "👩‍👩‍👧", "\u{FFFD}", "\u{2028}", "[x](<a\u{0}b>)", "<https://ex.ample/\u{301}>", "www.ex.ample/é",
                      "| a | b |\n|---|---|\n| 😀 | &#x1F600; |\n", "Note[^1]\n\n[^1]: é\n", "# Héading\n", "`c\u{0}de`", "<b>\u{301}</b>",
                      "\r\n", "\n\n", " ", "**", "_", "- ", "1. ", "> ", "CLA", "CLAs\u{301}", "6.47 ", "(see 6.47)", "é CP"]
        let glossary = Glossary(["CLA": "Children looked after", "CP": "Child \"protection\" & care é"])
        var random = SystemRandomNumberGenerator()
        let texts = pieces + (0..<500).map { _ in (0..<Int.random(in: 1...12, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined() }
        for renderer in [renderer, MarkdownRenderer(allowRawHTML: true)] {
            for text in texts {
                // Plain, and annotated: numbered paragraphs, references to them and abbreviations marked.
                for var page in [PageText(headingIDs: HeadingIDAllocator()), PageText(glossary: glossary, glossaryHref: "../glossary/")] {
                    let rendered = renderer.render(text, page: &page)
                    #expect(String(validating: rendered.htmlBytes, as: UTF8.self) != nil, "\(text.debugDescription)")
                }
            }
        }
    }

    @Test("Tables become tables with header cells")
    func table() {
        let html = renderer.render("| Year | Children |\n|---|---|\n| 2022/23 | 839 |\n").html
        #expect(html.contains("<th>Year</th>"))
        #expect(html.contains("<td>839</td>"))
    }

    @Test("Strikethrough, autolinks and task lists work")
    func extensions() {
        #expect(renderer.render("~~withdrawn~~").html.contains("<del>withdrawn</del>"))
        #expect(renderer.render("See https://www.camden.gov.uk for more").html.contains("<a href=\"https://www.camden.gov.uk\">https://www.camden.gov.uk</a>"))
        let tasks = renderer.render("- [x] Audit done\n- [ ] Report due\n").html
        #expect(tasks.contains("checked=\"\" disabled=\"\""))
        #expect(tasks.contains("Report due"))
    }

    @Test("Footnotes link to their notes")
    func footnotes() {
        let html = renderer.render("Rate fell.[^1]\n\n[^1]: DfE figures.\n").html
        #expect(html.contains("class=\"footnotes\""))
        #expect(html.contains("DfE figures."))
    }

    @Test("Raw HTML is dropped by default and script links never become links")
    func rawHTMLDropped() {
        let html = renderer.render("<script>alert(1)</script>\n\nHello <b onclick=\"x()\">there</b> [click](javascript:alert(1))").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test("A site that opts in gets raw HTML, still filtered by tagfilter")
    func rawHTMLOptIn() {
        let unsafe = MarkdownRenderer(allowRawHTML: true)
        #expect(unsafe.render("<details><summary>More</summary>Text</details>").html.contains("<details>"))
        #expect(unsafe.render("<script>alert(1)</script>").html.contains("&lt;script>"))
    }

    @Test("Headings get stable, unique ids for the contents list")
    func headingIDs() {
        let rendered = renderer.render("## 1. Purpose of Report\n\n## Summary\n\n### Summary\n")
        #expect(rendered.headings.map(\.id) == ["1-purpose-of-report", "summary", "summary-2"])
        #expect(rendered.html.contains("<h2 id=\"1-purpose-of-report\">1. Purpose of Report</h2>"))
        #expect(rendered.html.contains("<h3 id=\"summary-2\">Summary</h3>"))
    }

    @Test("Ids keep ASCII letters and digits, lower-cased: apostrophes vanish, anything else joins words with one hyphen")
    func headingIDsFromAnyText() {
        let rendered = renderer.render("## Children’s Services: 2023/24 — Q3\n\n## Café Ümlaut's Risk\n\n## Reading at 300 \u{212A}\n\n## ???\n")
        // The Kelvin sign lower-cases to an ASCII k; a heading with no letter or digit gets a generic id.
        #expect(rendered.headings.map(\.id) == ["childrens-services-2023-24-q3", "caf-mlauts-risk", "reading-at-300-k", "section"])
    }

    @Test("An ASCII text's slug, made byte by byte, is the one its Unicode scalars make")
    func asciiSlugsAgree() {
        let alphabet = Array("aZm09 -_'’./:&?#\t\n\u{0}\u{7F}".unicodeScalars.filter(\.isASCII))
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = String(String.UnicodeScalarView((0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
            #expect(Slug.make(text) == Slug.scalarSlug(text.lowercased()), "\(text.debugDescription)")
        }
        #expect(Slug.make("  Children's  Services -- 2023/24 ") == "childrens-services-2023-24")
    }

    @Test("cmark-gfm's own UTF-8 check would change nothing: generated text, NUL bytes and all, renders the same without it")
    func utf8CheckChangesNothing() {
        var checked = MarkdownRenderer()
        checked.checksUTF8 = true
        let unchecked = MarkdownRenderer()
        #expect(!unchecked.checksUTF8)
        let alphabet: [Character] = Array("aZ 09#*_-~|`>[]()!\\<&\n\t") + ["\u{0}", "é", "e\u{301}", "€", "😀", "\u{FFFD}", "\u{212A}", "’", "\r"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = String((0..<Int.random(in: 1...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
            #expect(unchecked.render(text).html == checked.render(text).html, "\(text.debugDescription)")
        }
        #expect(unchecked.render("a\u{0}b").html == "<p>a\u{FFFD}b</p>\n")
    }

    @Test("Markdown rendered in each thread's arena is what cmark-gfm's own allocator makes, document after document, on every core")
    func threadArenaChangesNothing() {
        var ownAllocator = MarkdownRenderer()
        ownAllocator.allocatesInThreadArena = false
        let arena = MarkdownRenderer()
        #expect(arena.allocatesInThreadArena)
        let glossary = Glossary(["CLA": "Children looked after", "CP": "Child protection"])
        let pieces = ["1.1 The CLA figures, as paragraph 1.2 says.\n\n", "1.2. **Audit** found [a link](https://example.org) and ~~old~~ text.\n\n",
                      "| A | B |\n|---|---|\n| 1 | 2 |\n\n", "- [x] done\n- item with `code`\n\n", "# Heading\n\n", "A footnote[^1].\n\n[^1]: The note.\n\n",
                      "> quoted www.example.org text\n\n", "```swift\nlet x = 1\n```\n\n", "See paragraphs 1.1 and 1.2 on CP.\n\n"]
        var generator = SystemRandomNumberGenerator()
        // Short texts, and long ones that outgrow a thread's first block (256 KB) and the largest it keeps (4 MB).
        // Every piece once, then generated texts.
        let texts = [pieces.joined()] + (1..<300).map { index -> String in
            let count = index % 100 == 0 ? 30_000 : index % 10 == 0 ? 3_000 : Int.random(in: 1...12, using: &generator)
            return (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
        }
        @Sendable func render(_ renderer: MarkdownRenderer, _ text: String) -> String {
            var page = PageText(glossary: glossary, glossaryHref: "g.html")
            return renderer.render(text, page: &page).html
        }
        let expected = texts.map { render(ownAllocator, $0) }
        let rendered = concurrentMap(texts.count) { render(arena, texts[$0]) }
        #expect(rendered == expected)
        // The first text's cross-reference, strikethrough and abbreviation are there to compare.
        #expect(expected[0].contains("<a href=\"#para-1-2\">") && expected[0].contains("<del>old</del>") && expected[0].contains("<abbr"))
    }
}
