import Foundation
import Testing
@testable import BuildSite

/// Very large and very deeply nested Markdown is accepted: built in bounded time and memory, with no crash.
@Suite("Large and deeply nested documents", .serialized)
struct RobustnessLargeInputTests {
    /// About 60 MB written like a long council report: numbered sections and paragraphs, lists, tables, quotes.
    static func largeReport(megabytes: Int) -> String {
        var text = "---\ntype: annual-report\ntitle: A very long report\ndate: 2024-03-22\n---\n"
        text.reserveCapacity(megabytes << 20 + 4096)
        // One section's paragraphs, made once: appending it whole keeps making 60 MB quick in a debug build.
        var paragraphs = ""
        for paragraph in 1...12 {
            paragraphs += "\(paragraph). The service reviewed **\(paragraph * 7) cases** in the quarter, and the "
            paragraphs += "audit found that most plans were reviewed on time. Where they were not, the reasons were recorded "
            paragraphs += "and the [action plan](https://example.org/plan) was updated; the committee asked for "
            paragraphs += "a further report on the children whose plans were late, and for the figures by ward.\n\n"
        }
        paragraphs += "- Referrals rose by 3 per cent\n- Re-referrals fell\n  - within 12 months\n\n"
        var section = 0
        while text.utf8.count < megabytes << 20 {
            section += 1
            text += "## \(section). Section \(section) of the report\n\n"
            text += paragraphs
            text += "| Year | Children | Rate |\n|---|---|---|\n| 2022/23 | \(section) | 41.2 |\n| 2021/22 | 802 | 39.8 |\n\n"
            text += "> The committee noted the report.\n\n"
        }
        return text
    }

    @Test("A 60 MB report builds in bounded memory, and its last section reaches the page")
    func sixtyMegabytes() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        // Under the address sanitizer, 60 MB would take minutes: 6 MB checks the same code for memory errors.
        let report = Self.largeReport(megabytes: runningUnderAddressSanitizer ? 6 : 60)
        let inputMB = report.utf8.count >> 20
        try site.write("Content/annual-reports/huge.md", report)

        let run = try BuildSiteCommand.run([], in: site.root)
        #expect(run.signal == nil)
        #expect(run.exitStatus == 0, "\(run.standardError)")
        // cmark-gfm's tree for this Markdown takes about 10 bytes per byte of text; the text, the HTML and the page
        // are held a few times more. 30 bytes per byte of input bounds that with room to spare, and fails if any
        // stage holds a copy per heading or per line (which is what exhausts memory).
        // (The sanitizer's own bookkeeping more than doubles memory, so the bound holds for normal builds only.)
        #expect(runningUnderAddressSanitizer || run.peakMemoryMB < 30 * inputMB, "peak memory \(run.peakMemoryMB) MB for \(inputMB) MB of Markdown")
        print("Large report: \(inputMB) MB in, peak memory \(run.peakMemoryMB) MB, \(String(format: "%.1f", run.seconds)) s")

        let pageURL = site.root.appendingPathComponent("Site/annual-reports/huge/index.html")
        let page = try Data(contentsOf: pageURL)
        let lastSection = report.components(separatedBy: "\n## ").count - 1
        let tail = String(decoding: page.suffix(200_000), as: UTF8.self)
        #expect(tail.contains("<td>\(lastSection)</td>"))
        #expect(tail.contains("<blockquote>\n<p>The committee noted the report.</p>\n</blockquote>"))
        #expect(page.range(of: Data("<h2 id=\"1-section-1-of-the-report\">1. Section 1 of the report</h2>".utf8)) != nil)
        #expect(page.range(of: Data("href=\"#\(lastSection)-section-\(lastSection)-of-the-report\"".utf8)) != nil, "the contents list runs to the last section")
    }

    @Test("Quotes, lists, emphasis, links and images nested 100,000 deep build without overflowing the stack")
    func deepNesting() throws {
        let depth = 100_000
        let site = try TemporarySite()
        defer { site.remove() }
        let front = "---\ntype: page\ntitle: Deep\ndate: 2024-01-01\n---\n"
        let emphasis = (0..<depth).map { $0 % 2 == 0 ? "*a " : "_b " }.joined() + (0..<depth).reversed().map { $0 % 2 == 0 ? " a*" : " b_" }.joined()
        let bodies = [
            "quotes": String(repeating: ">", count: depth) + " deep quote\n",
            "lists": String(repeating: "- ", count: depth) + "deep item\n",
            "numbered": String(repeating: "1. ", count: depth) + "deep item\n",
            "quoted-lists": String(repeating: "> - ", count: depth) + "deep\n",
            "emphasis-heading": "## " + emphasis + "\n",
            "link-heading": "## " + String(repeating: "[", count: depth) + "x" + String(repeating: "](u)", count: depth) + "\n",
            "image-heading": "## " + String(repeating: "![a", count: depth) + String(repeating: "]()", count: depth) + "\n",
            "brackets": String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n",
        ]
        for (name, body) in bodies {
            try site.write("Content/pages/\(name).md", front + body)
        }
        // In this process, on a test thread, whose stack is no larger than the command's main thread. Without the
        // search index: Pagefind itself took over 20 GB indexing these pages, and this test is about the Markdown.
        var options = site.options
        options.search = .off
        let report = try SiteBuilder(options: options).build()
        #expect(report.documents == bodies.count)
        #expect(try site.read("Site/pages/quotes/index.html").contains("<p>deep quote</p>"))
        #expect(try site.read("Site/pages/emphasis-heading/index.html").contains("<h2 id=\"a-b-a-b"))
    }

    @Test("Front matter over 1 MB is refused with its size, before any YAML is read")
    func hugeFrontMatter() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let filler = String(repeating: "x", count: 1_200_000)
        try site.write("Content/pages/huge.md", "---\ntype: page\ntitle: Huge\ndate: 2024-01-01\nsummary: \(filler)\n---\nText.\n")
        #expect(site.buildErrors() == ["Content/pages/huge.md:2:1: error: the front matter is 1171 KB; expected at most 1024 KB of details (put long text in the document's Markdown)"])
    }

    @Test("A glossary of 45,000 abbreviations is read pair by pair (a lookup per key never finished)", .timeLimit(.minutes(1)))
    func longGlossary() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/glossary.yml", (0..<45_000).map { "A\($0): meaning \($0)\n" }.joined())
        try site.write("Content/pages/about.md", "---\ntype: page\ntitle: About\ndate: 2024-01-01\n---\n")
        let (model, _) = try ModelBuilder(options: site.options).build()
        #expect(model.glossary.count == 45_000)
        #expect(model.glossary["A44999"] == "meaning 44999")
    }

    @Test("A document over 100 MB is refused by its size, before it is read")
    func overLargeDocument() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/pages/enormous.md", "---\n")
        // A sparse file: 101 MB long without using the disk or the time to write it.
        #expect(truncate(site.root.appendingPathComponent("Content/pages/enormous.md").path, 101 << 20) == 0)
        #expect(site.buildErrors() == ["Content/pages/enormous.md:1:1: error: this file is 101 MB; expected at most 100 MB (split a very long document into several)"])
    }
}
