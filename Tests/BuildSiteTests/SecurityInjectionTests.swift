import Foundation
import Testing
@testable import BuildSite

/// Every URL a page links to or loads, read as a browser reads it: entities decoded, tabs and newlines removed,
/// leading spaces and control characters dropped. Returns each URL's scheme in lower case ("" for a relative URL).
func urlSchemes(in html: String) -> [(url: String, scheme: String)] {
    let attribute = try! Regex(#"\s(?:href|src|action|formaction|poster|xlink:href)\s*=\s*"([^"]*)""#)
    return html.matches(of: attribute).map { match in
        let raw = String(match.output[1].substring ?? "")
        var url = decodeEntities(raw).filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        while let first = url.unicodeScalars.first, first.value <= 0x20 { url.unicodeScalars.removeFirst() }
        guard let colon = url.firstIndex(of: ":") else { return (raw, "") }
        let scheme = url[..<colon]
        let isScheme = scheme.first?.isLetter == true && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
        return (raw, isScheme ? scheme.lowercased() : "")
    }
}

/// HTML character references as a browser decodes them in an attribute: numeric ones and the few named ones
/// that matter for a scheme (`&colon;`, `&Tab;`, `&NewLine;`, `&amp;`).
func decodeEntities(_ text: String) -> String {
    var result = text
    for (name, value) in [("&colon;", ":"), ("&Tab;", "\t"), ("&NewLine;", "\n"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">")] {
        result = result.replacingOccurrences(of: name, with: value)
    }
    let numeric = try! Regex(#"&#([xX]?)([0-9a-fA-F]+);?"#)
    result = result.replacing(numeric) { match in
        let isHex = !(match.output[1].substring?.isEmpty ?? true)
        let digits = String(match.output[2].substring ?? "")
        guard let value = UInt32(digits, radix: isHex ? 16 : 10), let scalar = Unicode.Scalar(value) else { return "" }
        return String(Character(scalar))
    }
    return result.replacingOccurrences(of: "&amp;", with: "&")
}

@Suite("Nothing injected: content never becomes script or markup")
struct SecurityInjectionTests {
    /// Ways of writing a script link that browsers have been known to run, in Markdown's every link form.
    static let scriptLinks = [
        "[plain](javascript:alert(1))",
        "[mixed case](JaVaScRiPt:alert(1))",
        "[entity j](&#106;avascript:alert(1))",
        "[hex entity](&#x6A;avascript:alert(1))",
        "[tab inside](java&#x09;script:alert(1))",
        "[newline inside](java&#10;script:alert(1))",
        "[colon entity](javascript&colon;alert(1))",
        "[leading space](< javascript:alert(1)>)",
        "[control first](&#1;javascript:alert(1))",
        "[angle brackets](<javascript:alert(1)>)",
        "<javascript:alert(1)>",
        "[vbscript](vbscript:msgbox(1))",
        "[data html](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[file](file:///etc/passwd)",
        "![image](javascript:alert(1))",
        "[reference][r]\n\n[r]: javascript:alert(1)",
        "[reference title][t]\n\n[t]: <javascript:alert(1)> \"title\"",
    ]

    @Test("No spelling of a javascript:, vbscript:, data: or file: link becomes a link or an image", arguments: scriptLinks)
    func scriptLinksNeverBecomeLinks(_ markdown: String) throws {
        let html = MarkdownRenderer().render(markdown + "\n\n[safe](https://example.org/) [relative](../x/index.html) [mail](mailto:a@example.org)\n").html
        let schemes = urlSchemes(in: html)
        #expect(schemes.count >= 3, "the safe links are still links: \(html)")
        for (url, scheme) in schemes {
            #expect(["", "http", "https", "mailto"].contains(scheme), "a \(scheme): URL reached the page: \(url) in \(html)")
        }
    }

    static let hostileHTML = #"<script>alert(1)</script> <img src=x onerror="alert(2)"> <a href="javascript:alert(3)">x</a> <iframe src="https://evil.example"></iframe> <svg onload="alert(4)">"#

    @Test("Raw HTML is dropped from the body and from every Markdown field of a risk, unless the site opts in")
    func rawHTMLDroppedEverywhere() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let h = Self.hostileHTML.replacingOccurrences(of: "\"", with: "\\\"")
        try site.write("Content/deep-dives/2024-01-raw.md", """
        ---
        type: deep-dive
        title: Raw HTML
        date: 2024-01-01
        risks:
          - id: R1
            title: A risk
            current: {likelihood: 2, impact: 3}
            update: "Update \(h)"
            controls: ["Control \(h)"]
            actions:
              - action: "Action \(h)"
                impact: "Impact \(h)"
                resources: "Resources \(h)"
                due: Ongoing
                status: Ongoing
        ---
        Body \(Self.hostileHTML)

        \(Self.hostileHTML)
        """)
        _ = try site.build()
        let page = try site.read("Site/deep-dives/2024-01-raw/index.html")
        for forbidden in ["<script", "<img src=x", "onerror=", "<iframe", "<svg", "onload=", "javascript:"] {
            #expect(!page.contains(forbidden), "\(forbidden) reached the page")
        }
        #expect(page.contains("Action"))
        #expect(page.contains("Control"))
    }

    @Test("With unsafe_html: true the author's HTML is kept, but tagfilter still disarms <script> and <iframe>")
    func optInKeepsHTML() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/site.yml", "title: Test reports\nunsafe_html: true\n")
        try site.write("Content/pages/details.md", "---\ntype: page\ntitle: Details\ndate: 2024-01-01\n---\n<details><summary>More</summary>Text</details>\n\n<script>alert(1)</script>\n")
        _ = try site.build()
        let page = try site.read("Site/pages/details/index.html")
        #expect(page.contains("<details><summary>More</summary>Text</details>"))
        #expect(page.contains("&lt;script>alert(1)&lt;/script>"))
        #expect(!page.contains("<script"))
    }

    @Test("site.yml values and a file name made of markup reach every page escaped")
    func siteValuesAndFileNamesEscaped() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/site.yml", """
        title: "<script>alert('title')</script>"
        publisher: "\\"><img src=x onerror=alert('publisher')>"
        language: "en\\" onmouseover=\\"alert('language')"
        base_url: "https://example.org/\\"><script>alert('url')</script>/"
        """)
        try site.write("Content/pages/\"><svg onload=alert(1)>.md", "---\ntype: page\ntitle: Odd name\ndate: 2024-01-01\n---\nText.\n")
        _ = try site.build()
        for path in ["Site/index.html", "Site/pages/index.html", "Site/pages/\"><svg onload=alert(1)>/index.html"] {
            let page = try site.read(path)
            for forbidden in ["<script", "<img", "<svg", "\" onmouseover=\""] {
                #expect(!page.contains(forbidden), "\(forbidden) unescaped in \(path)")
            }
            #expect(page.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"), "the title is shown, escaped, in \(path)")
        }
    }

    @Test("Templates write raw HTML only for fields named …HTML (or html), which build-site makes from Markdown")
    func templatesEscapeEverythingElse() throws {
        let folder = repositoryRoot.appendingPathComponent("Templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(!names.isEmpty)
        let unescaped = try Regex(#"\{\{\{\s*([^}]*?)\s*\}\}\}|\{\{&\s*([^}]*?)\s*\}\}"#)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for match in text.matches(of: unescaped) {
                let field = String(match.output[1].substring ?? match.output[2].substring ?? "")
                #expect(field.hasSuffix("HTML") || field == "html", "Templates/\(name) writes '\(field)' unescaped")
            }
            #expect(!text.contains("{{=") , "Templates/\(name) changes the Mustache delimiters, which hides what is escaped")
        }
    }
}

/// Whether `needle`'s bytes occur in `text`: a byte search, as a browser's tokenizer sees the page, where Swift's
/// `contains` would compare grapheme clusters and miss a quote that a combining mark joined to the next character.
func containsBytes(_ text: String, _ needle: String) -> Bool {
    let haystack = Array(text.utf8), pattern = Array(needle.utf8)
    guard !pattern.isEmpty, haystack.count >= pattern.count else { return false }
    return (0...(haystack.count - pattern.count)).contains { start in haystack[start..<(start + pattern.count)].elementsEqual(pattern) }
}

@Suite("Escaping holds for every Unicode spelling")
struct SecurityEscapingTests {
    /// Swift compares Characters (grapheme clusters), and `"` followed by a combining accent is one Character that
    /// is not `"`: an escaper that looks characters up lets that quote through, and it ends the attribute.
    @Test("A quote, apostrophe or angle bracket followed by a combining mark is still escaped", arguments: [
        ("\"\u{301} onmouseover=\"alert(1)", "&quot;\u{301} onmouseover=&quot;alert(1)"),
        ("'\u{301} onmouseover='alert(1)", "&#39;\u{301} onmouseover=&#39;alert(1)"),
        ("<\u{301}script>alert(1)</script>", "&lt;\u{301}script&gt;alert(1)&lt;/script&gt;"),
        ("&\u{20DD}quot;", "&amp;\u{20DD}quot;"),
    ])
    func combiningMarksDoNotUnescape(_ value: String, _ escaped: String) throws {
        let site = try TemporarySite()
        defer { site.remove() }
        // Block scalars, so that the YAML needs no escaping of its own.
        try site.write("Content/pages/accent.md", "---\ntype: page\ntitle: |-\n  T \(value)\nsummary: |-\n  S \(value)\ndate: 2024-01-01\n---\nText.\n")
        _ = try site.build()
        for path in ["Site/pages/accent/index.html", "Site/pages/index.html"] {
            let page = try site.read(path)
            #expect(containsBytes(page, "T " + escaped), "\(path) does not show the title escaped")
            let raw = String(value.unicodeScalars.prefix(2))
            #expect(!containsBytes(page, raw), "\(path) has an unescaped \(value.unicodeScalars.first!) joined to a combining mark")
        }
    }
}
