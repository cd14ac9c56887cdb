import Testing
@testable import BuildSite

@Suite("Front matter is cut from the text at its '---' lines")
struct FrontMatterSplitterTests {
    static func split(_ text: String) -> (yaml: String, body: String, bodyLine: Int)? {
        guard let split = try? FrontMatterSplitter.split(SourceFile(displayPath: "Content/a.md", contentPath: "a", text: text)) else { return nil }
        #expect(split.yamlFirstLine == 2)
        return (split.yaml, split.body, split.bodyFirstLine)
    }

    @Test("The YAML between the markers, the body after them, and the body's first line")
    func cuts() {
        let cases: [(String, (String, String, Int)?)] = [
            ("---\ntitle: A\n---\nText\n", ("title: A", "Text", 4)),
            ("---\ntitle: A\n...\nText", ("title: A", "Text", 4)),
            ("---  \ntitle: A\n--- \t\nText\n\n", ("title: A", "Text\n", 4)),
            ("---\n---\nText\n", ("", "Text", 3)),
            ("---\na: é\nb: 日本\n---\n", ("a: é\nb: 日本", "", 5)),
            ("---\na: 1\n----\n--- x\n---\nBody ---\n---\n", ("a: 1\n----\n--- x", "Body ---\n---", 6)),
            // Line ends are "\n" by now (`TextDecoding`): a carriage return is part of the line, and no marker.
            ("---\na: 1\n---\r\n---\nText\r\n", ("a: 1\n---\r", "Text\r", 5)),
        ]
        for (text, expected) in cases {
            let got = Self.split(text)
            #expect(got?.yaml == expected?.0, "\(text.debugDescription)")
            #expect(got?.body == expected?.1, "\(text.debugDescription)")
            #expect(got?.bodyLine == expected?.2, "\(text.debugDescription)")
        }
    }

    @Test("A file that does not start with '---', or never closes it, is an error at its first line")
    func errors() {
        for (text, message) in [("title: A\n---\n", "the file does not start with front matter"),
                                ("-- \ntitle: A\n---\n", "the file does not start with front matter"),
                                ("---\ntitle: A\n", "the front matter is never closed"),
                                ("---", "the front matter is never closed"),
                                (" \n\t\n", "the file is empty")] {
            do {
                _ = try FrontMatterSplitter.split(SourceFile(displayPath: "Content/a.md", contentPath: "a", text: text))
                Issue.record("no error for \(text.debugDescription)")
            } catch {
                #expect(error.description.hasPrefix("Content/a.md:1:1: error: " + message), "\(error.description)")
            }
        }
    }
}
