import Testing
import Mustache
import Foundation
@testable import BuildSite

@Suite("Templates escape every value from content")
struct TemplateEscapingTests {
    static let hostile = "<script>alert('x')</script>&\""

    @Test("Every front-matter value reaches the page HTML-escaped")
    func everyValueEscaped() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let h = Self.hostile.replacingOccurrences(of: "\"", with: "\\\"")
        try site.write("Content/deep-dives/2024-01-hostile.md", """
        ---
        type: deep-dive
        title: "T \(h)"
        date: 2024-01-01
        council: "C \(h)"
        committee: "M \(h)"
        author: "A \(h)"
        summary: "S \(h)"
        tags: ["G \(h)"]
        risks:
          - id: "I \(h)"
            title: "R \(h)"
            statement: "St \(h)"
            causes: ["Ca \(h)"]
            consequences: ["Co \(h)"]
            owner: "O \(h)"
            category: "Cat \(h)"
            current: {likelihood: 1, impact: 1}
            update: "U \(h)"
            controls: ["Ctl \(h)"]
            actions:
              - action: "Ac \(h)"
                impact: "Im \(h)"
                resources: "Re \(h)"
                owner: "Ow \(h)"
                due: Ongoing
                status: Ongoing
        ---
        Body \(Self.hostile)
        """)
        _ = try site.build()
        for path in ["Site/deep-dives/2024-01-hostile/index.html", "Site/index.html", "Site/deep-dives/index.html"] {
            let html = try site.read(path)
            #expect(!html.contains("<script>alert"), "unescaped script in \(path)")
        }
        let page = try site.read("Site/deep-dives/2024-01-hostile/index.html")
        for prefix in ["T ", "C ", "M ", "A ", "S ", "G ", "R ", "St ", "Ca ", "Co ", "O ", "Cat ", "Ow "] {
            #expect(page.contains(prefix + "&lt;script&gt;"), "\(prefix) value not escaped")
        }
    }

    @Test("A value appended as it is escaped is what escaping it gives: every special character at every place in eight bytes")
    func appendEscapedAgreesWithEscape() {
        let escaping = HTMLEscaping()
        let specials: [Character] = ["<", ">", "&", "'", "\""]
        // Bytes near the five in value, and after them, to catch a test of eight bytes at once that misses one.
        let others: [Character] = ["a", " ", "!", "%", "(", "=", "?", "é", "€", "😀", "\u{0}", "\u{7F}", "\u{3B}", "\u{3D}", "\u{21}", "\u{23}"]
        for length in 0...19 {
            for position in 0..<max(1, length) {
                for special in specials {
                    var characters = (0..<length).map { others[($0 * 7 + length) % others.count] }
                    if length > 0 { characters[position] = special }
                    let text = String(characters)
                    var appended = "start:"
                    escaping.appendEscaped(text, to: &appended)
                    #expect(appended == "start:" + HTMLEscaping.escape(text), "\(text.debugDescription)")
                    let output = MustacheOutput(capacity: 0)
                    output.append("start:")
                    escaping.appendEscaped(text, to: output)
                    #expect(output.string == "start:" + HTMLEscaping.escape(text), "\(text.debugDescription)")
                }
            }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = String((0..<Int.random(in: 0...40, using: &generator)).map { _ in (specials + others).randomElement(using: &generator) ?? "a" })
            var appended = ""
            escaping.appendEscaped(text, to: &appended)
            #expect(appended == HTMLEscaping.escape(text), "\(text.debugDescription)")
            let output = MustacheOutput()
            escaping.appendEscaped(text, to: output)
            #expect(output.string == HTMLEscaping.escape(text), "\(text.debugDescription)")
        }
    }
}
