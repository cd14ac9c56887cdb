import Foundation
import Testing
@testable import BuildSite

/// One broken file from Fixtures/Broken and every message a build must give for it, in order.
struct BrokenFixture: Sendable, CustomTestStringConvertible {
    var name: String
    var messages: [String]
    var testDescription: String { name }

    /// Where the fixture is put in the content folder, and so the path every message names.
    var contentPath: String { "Content/pages/\(name)" }

    init(_ name: String, _ messages: String...) {
        self.name = name
        self.messages = messages.map { "Content/pages/\(name):\($0)" }
    }
}

let advice = "expected 'key: value' lines, with text containing ': ' or '#' in quotes"
let notFrontMatter = "1:1: error: the file is empty; expected front matter between two '---' lines, then the text of the document"

/// Each kind of bad input an officer (or a hostile file) can give, with the exact message and place it must produce.
let brokenFixtures: [BrokenFixture] = [
    .init("empty.md", notFrontMatter),
    .init("blank.md", notFrontMatter),
    .init("no-front-matter.md", "1:1: error: the file does not start with front matter; expected a first line '---', then keys such as 'type:', 'title:' and 'date:', then '---'"),
    .init("no-closing-line.md", "1:1: error: the front matter is never closed; expected a line '---' after the last key"),
    .init("invalid-yaml.md", "4:5: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence that starts at line 3, column 8; \(advice)"),
    .init("colon-in-text.md", "3:22: error: invalid YAML: mapping values are not allowed in this context; \(advice)"),
    .init("duplicate-key.md", "3:1: error: the key 'title' appears twice; expected each key once"),
    .init("wrong-types.md",
          "2:7: error: 'type' must be text; found a list",
          "3:8: error: 'title' must be text; found a set of keys",
          "4:7: error: 'date' must be text; found a list",
          "5:7: error: 'tags' must be a list of text ('- item' lines); found a set of keys",
          "6:8: error: 'draft' must be true or false; found \"maybe\"",
          "7:10: error: 'summary' must be text; found a list"),
    .init("unknown-type.md", "2:7: error: unknown type \"report\"; expected one of: deep-dive, annual-report, minutes, page"),
    .init("missing-title.md", "2:1: error: the front matter has no 'title'; expected 'title: …' with text"),
    .init("impossible-month.md", "4:7: error: 'date' must be a real date written YYYY-MM-DD (or YYYY-MM, or YYYY when only that is known); found \"2024-13-45\""),
    .init("impossible-day.md", "4:7: error: 'date' must be a real date written YYYY-MM-DD (or YYYY-MM, or YYYY when only that is known); found \"2025-02-30\""),
    .init("invalid-utf8-front-matter.md", "3:11: error: this file is not valid UTF-8 text; expected it saved as UTF-8"),
    .init("invalid-utf8-body.md", "7:17: error: this file is not valid UTF-8 text; expected it saved as UTF-8"),
    .init("control-character.md", "3:9: error: the front matter contains a character YAML does not allow (control characters are not allowed: U+0007); expected plain text without control characters"),
    .init("duplicate-risk-id.md", "9:9: error: risk id '16' is used twice in this report (first at line 6); expected each risk id once"),
    .init("alias-bomb-key.md", "10:12: error: the front matter would expand to more than 100,000 values, through YAML aliases ('*name') repeating other parts; expected each value written out once"),
    .init("alias-bomb-risks.md", "11:12: error: the front matter would expand to more than 100,000 values, through YAML aliases ('*name') repeating other parts; expected each value written out once"),
    .init("deeply-nested-yaml.md", "6:129: error: the front matter nests lists and keys more than 64 levels deep; expected a few levels, such as risks → actions → keys"),
    .init("deeply-nested-flow-yaml.md", "5:8: error: the front matter nests lists and keys too deep; expected a few levels, such as risks → actions → keys"),
]

@Suite("Broken input: a clear message at the right place, and nothing else happens")
struct RobustnessBrokenInputTests {
    @Test("Each broken fixture fails the build with its message, and the published site is untouched",
          .timeLimit(.minutes(1)), arguments: brokenFixtures)
    func brokenFixtureFailsCleanly(_ fixture: BrokenFixture) throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/pages/about.md", "---\ntype: page\ntitle: About\ndate: 2024-01-01\n---\nAbout us.\n")
        _ = try site.build()
        let before = site.snapshot("Site")
        #expect(before["pages/about/index.html"] != nil)

        try site.copyFixture("Broken/\(fixture.name)", to: fixture.contentPath)
        #expect(site.buildErrors() == fixture.messages)
        #expect(site.snapshot("Site") == before, "a failed build changed Site/")
        #expect(site.leftovers == [], "a failed build left files beside Site/")
    }

    @Test("The command exits 1 with every message, and no crash, for all the broken files at once")
    func commandReportsEveryBrokenFile() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/pages/about.md", "---\ntype: page\ntitle: About\ndate: 2024-01-01\n---\nAbout us.\n")
        let first = try BuildSiteCommand.run([], in: site.root)
        #expect(first.exitStatus == 0, "\(first.standardError)")
        let before = site.snapshot("Site")

        for fixture in brokenFixtures {
            try site.copyFixture("Broken/\(fixture.name)", to: fixture.contentPath)
        }
        let run = try BuildSiteCommand.run([], in: site.root)
        #expect(run.signal == nil, "build-site crashed with signal \(run.signal ?? 0)")
        #expect(run.exitStatus == 1)
        let lines = run.standardError.split(separator: "\n").map(String.init)
        // Sorted as the build sorts them: by file, then line, then column.
        let expected = brokenFixtures.flatMap(\.messages).sorted { a, b in
            func key(_ message: String) -> (String, Int, Int) {
                let parts = message.split(separator: ":", maxSplits: 3)
                return (String(parts[0]), Int(parts[1]) ?? 0, Int(parts[2]) ?? 0)
            }
            return key(a) < key(b)
        }
        #expect(lines.dropLast() == expected[...], "every file's messages in one run, sorted by file and line, then the summary")
        #expect(lines.last == "Build failed with \(expected.count) errors; Site was not changed.")
        #expect(run.standardOutput == "")
        #expect(site.snapshot("Site") == before)
        #expect(site.leftovers == [])
    }

    @Test("A byte-order mark and Windows line endings are accepted, and neither reaches the page")
    func bomAndCRLFAccepted() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.copyFixture("Accepted/bom-crlf.md", to: "Content/pages/windows.md")
        let report = try site.build()
        #expect(report.warnings.isEmpty)
        let page = try site.read("Site/pages/windows/index.html")
        #expect(page.contains(">Windows page</h1>"))
        #expect(page.contains("<h2 id=\"written-on-windows\">Written on Windows</h2>"))
        #expect(page.contains("<p>Saved by Notepad with a byte-order mark.</p>"))
        #expect(!page.contains("\r"))
        #expect(!page.contains("\u{FEFF}"))
    }

    @Test("Two files with one address (names differing only in case) are an error naming both")
    func duplicateURLs() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/pages/Annual-Report.md", "---\ntype: page\ntitle: One\ndate: 2024-01-01\n---\n")
        try site.write("Content/pages/annual-report.md", "---\ntype: page\ntitle: Two\ndate: 2024-01-01\n---\n")
        #expect(site.buildErrors() == ["Content/pages/annual-report.md:1:1: error: this file has the same address 'pages/annual-report/' as Content/pages/Annual-Report.md; expected each document at its own address (rename one)"])
        #expect(!site.exists("Site"))
    }
}
