import Testing
@testable import BuildSite

/// Numbered paragraphs as link targets, references that link to them, and abbreviations explained on first use.
@Suite("Paragraph anchors, cross-references and abbreviations")
struct ReadingAidsTests {
    let renderer = MarkdownRenderer()
    let glossary = Glossary(["CLA": "Children looked after", "YPA": "Young people's adviser", "Q&A": "x", "CP": "Child \"protection\" & care"])

    func render(_ markdown: String) -> String {
        var page = PageText(glossary: glossary, glossaryHref: "../../glossary/index.html")
        return renderer.render(markdown, page: &page).html
    }

    @Test("A paragraph starting with its number gets id para-N-N, in both ways reports write it")
    func paragraphIDs() {
        let html = render("1.1 In accordance with its Terms.\n\n6.47. **Audit** The audit found.\n\n**2.3.** Bold number.\n")
        #expect(html.contains("<p id=\"para-1-1\">1.1 In accordance with its Terms.</p>"))
        #expect(html.contains("<p id=\"para-6-47\">6.47. <strong>Audit</strong> The audit found.</p>"))
        #expect(html.contains("<p id=\"para-2-3\"><strong>2.3.</strong> Bold number.</p>"))
    }

    @Test("Single numbers, numbers inside a sentence and repeated numbers get no (second) id")
    func notParagraphNumbers() {
        let html = render("14\\. Fourteen.\n\n2.5million is not a number paragraph.\n\nThe rate was 3.4 per cent.\n\n4.1 First.\n\n4.1 Repeated.\n")
        #expect(!html.contains("para-14"))
        #expect(!html.contains("para-2-5"))
        #expect(!html.contains("para-3-4"))
        #expect(html.components(separatedBy: "id=\"para-4-1\"").count == 2)
        #expect(html.contains("<p>4.1 Repeated.</p>"))
    }

    @Test("References link to paragraphs on the same page, forwards and backwards, in their usual forms")
    func references() {
        let html = render("""
        2.2 The causes.

        3.1 See paragraph 2.2 and paragraphs 6.2 and 6.3, also paras 6.2–6.3; Paragraph 2.2.

        6.2 Later.

        6.3 Later still, as set out at paragraph 9.9 of another report.
        """)
        #expect(html.contains("See paragraph <a href=\"#para-2-2\">2.2</a> and paragraphs <a href=\"#para-6-2\">6.2</a> and <a href=\"#para-6-3\">6.3</a>"))
        #expect(html.contains("paras <a href=\"#para-6-2\">6.2</a>–<a href=\"#para-6-3\">6.3</a>"))
        #expect(html.contains("Paragraph <a href=\"#para-2-2\">2.2</a>.</p>"))
        #expect(html.contains("at paragraph 9.9 of another report"))
    }

    @Test("References in code, in links and in image text are left alone")
    func referencesLeftAlone() {
        let html = render("2.2 Target.\n\nSee `paragraph 2.2`, [paragraph 2.2](https://example.org/) and ![paragraph 2.2](chart.png).\n")
        #expect(html.contains("<code>paragraph 2.2</code>"))
        #expect(html.contains("<a href=\"https://example.org/\">paragraph 2.2</a>"))
        #expect(html.contains("alt=\"paragraph 2.2\""))
        #expect(!html.contains("#para-2-2"))
    }

    @Test("The first use of an abbreviation is explained and links to the glossary; later uses are plain")
    func abbreviations() {
        let html = render("## CLA numbers\n\nThe CLA rose. The CLA fell. Two YPAs met [CLA](https://example.org/) and `CLA`. CLAS and cla are other words.\n\nA CP plan.\n")
        #expect(html.contains("<h2 id=\"cla-numbers\">CLA numbers</h2>"))
        #expect(html.contains("The <a class=\"abbr-link\" href=\"../../glossary/index.html#term-cla\"><abbr title=\"Children looked after\">CLA</abbr></a> rose. The CLA fell."))
        #expect(html.contains("Two <a class=\"abbr-link\" href=\"../../glossary/index.html#term-ypa\"><abbr title=\"Young people&#39;s adviser\">YPA</abbr></a>s met"))
        #expect(html.contains("<abbr title=\"Child &quot;protection&quot; &amp; care\">CP</abbr>"))
        #expect(html.components(separatedBy: "<abbr").count == 4)
    }

    @Test("Only the first use on the whole page is explained, across the page's fragments")
    func abbreviationsAcrossFragments() {
        var page = PageText(glossary: glossary, glossaryHref: "g.html")
        let first = renderer.render("The CLA.", page: &page).html
        let second = renderer.render("The CLA again.", page: &page).html
        #expect(first.contains("<abbr"))
        #expect(!second.contains("<abbr"))
    }

    @Test("Private-use characters in the author's text cannot forge an id or an abbreviation")
    func markersInTextAreRemoved() {
        let html = render("\u{E000}evil\" onclick=\"x\u{E001}Text \u{E002}CLA\u{E003}.\n")
        #expect(!html.contains("onclick=\"x\""))
        #expect(!html.contains("id=\"evil"))
        #expect(html.contains("Text <a class=\"abbr-link\""))
    }

    @Test("Only the four marker characters are taken out of the author's text; other characters near them stay")
    func onlyMarkersRemoved() {
        // U+E004 and U+EFFF share the markers' first UTF-8 byte; "é" and "—" are other non-ASCII text.
        #expect(MarkdownMarkers.removed(from: "a\u{E000}b\u{E001}c\u{E002}d\u{E003}e") == "abcde")
        #expect(MarkdownMarkers.removed(from: "Café \u{E004}\u{EFFF} — x") == "Café \u{E004}\u{EFFF} — x")
        #expect(MarkdownMarkers.removed(from: "\u{E003}") == "")
        #expect(MarkdownMarkers.removed(from: "") == "")
    }

    @Test("Glossary ids are unique even for terms that differ only in case")
    func glossaryIDs() {
        let glossary = Glossary(["DfE": "Department for Education", "DFE": "Department for Education", "CIN": "Children in need"])
        #expect(glossary.entries.map(\.term) == ["CIN", "DFE", "DfE"])
        #expect(glossary.entries.map(\.id) == ["term-cin", "term-dfe", "term-dfe-2"])
    }

    @Test("Reading time counts the words at 200 a minute, never less than a minute")
    func readingTime() {
        #expect(ReadingTime.words(in: "1.1 The audit — found 12 issues.") == 6)
        #expect(ReadingTime.text(for: document(words: 10)) == "Reading time: about 1 minute")
        #expect(ReadingTime.text(for: document(words: 2_000)) == "Reading time: about 10 minutes")
    }

    private func document(words: Int) -> Document {
        Document(type: .annualReport, title: "T", date: ContentDate(year: 2024), tags: [], draft: false, risks: [],
                 body: Array(repeating: "word", count: words).joined(separator: " "), bodyFirstLine: 1,
                 contentPath: "annual-reports/t", sourcePath: "Content/annual-reports/t.md")
    }
}
