import Foundation
import Mustache
import Testing
@testable import BuildSite

/// The faster paths must write what the plain ones did, byte for byte.
@Suite("Faster rendering writes the same HTML")
struct RenderingEquivalenceTests {
    @Test("HTML escaping matches swift-mustache's own for the five characters, and copies nothing else")
    func escaping() throws {
        let samples = ["", "plain text", "Children's <b>services</b> & \"care\"", "£40,000 – “quoted” ’s", "<<>>&&''\"\"", "é<ü>ß"]
        for sample in samples {
            let template = try MustacheTemplate(string: "{{value}}")
            #expect(HTMLEscaping.escape(sample) == template.render(["value": sample]))
        }
    }

    @Test("Templates escape values with the fast escaping and keep their error line numbers")
    func templateSetEscapesAndReportsLines() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Templates/broken.mustache", "<p>\n{{#open}}\n<p>never closed\n")
        let errors = site.buildErrors()
        #expect(errors.contains { $0.hasPrefix("Templates/broken.mustache:") || $0.contains("broken.mustache:") })
        let line = errors.first { $0.contains("broken.mustache") }?.split(separator: ":").dropFirst().first
        // swift-mustache reports the line where it gave up; it must be a line of the author's three-line file.
        #expect(line.flatMap { Int($0) }.map { (1...4).contains($0) } == true)
    }

    @Test("Heading ids are added to the same tags as before")
    func headingIDs() {
        let renderer = MarkdownRenderer()
        for markdown in ["## One\n\ntext\n\n### Two\n\n## One\n", "No headings at all.\n", "## Émigré’s “plan”\n\n#### Deep\n\n## `code` heading\n"] {
            var ids = HeadingIDAllocator()
            let rendered = renderer.render(markdown, headingIDs: &ids)
            var plainIDs = HeadingIDAllocator()
            let plain = renderer.render(markdown, headingIDs: &plainIDs)
            let bare = plain.headings.reduce(rendered.html) { html, heading in
                html.replacingOccurrences(of: "<h\(heading.level) id=\"\(heading.id)\">", with: "<h\(heading.level)>")
            }
            #expect(HTMLPostProcessor.addHeadingIDs(bare, headings: plain.headings) == rendered.html)
        }
    }

    @Test("The site index answers as the model's filters do")
    func siteIndex() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        let report = "annual-reports/2023-09-islington-child-protection-annual-report"
        for (name, date) in [("2023-10-scrutiny", "2023-10-05"), ("2023-11-scrutiny", "2023-11-09")] {
            try site.write("Content/minutes/\(name).md", "---\ntype: minutes\ntitle: Minutes \(name)\ndate: \(date)\ndiscusses: \(report)\n---\nText.\n")
        }
        let (model, _) = try ModelBuilder(options: site.options).build()
        let index = SiteIndex(model)
        for type in DocumentType.allCases {
            #expect(index.documents(of: type).map(\.contentPath) == model.documents(of: type).map(\.contentPath))
        }
        for document in model.documents {
            #expect(index.document(at: document.contentPath)?.sourcePath == model.document(at: document.contentPath)?.sourcePath)
            #expect(index.documents(discussing: document.contentPath).map(\.contentPath)
                    == model.documents.filter { $0.discusses == document.contentPath }.map(\.contentPath))
        }
        #expect(index.documents(discussing: report).map(\.title) == ["Minutes 2023-11-scrutiny", "Minutes 2023-10-scrutiny"])
        #expect(index.document(at: "no/such/report") == nil)
    }
}
