import Testing
@testable import BuildSite

@Suite("Markdown through cmark-gfm")
struct MarkdownTests {
    let renderer = MarkdownRenderer()

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
}
