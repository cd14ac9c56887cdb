import Foundation
import Testing
@testable import BuildSite

/// The vendored libyaml reads runs of printable ASCII at once, in its reader and in quoted and plain scalars
/// (`Vendor/Yams.patch`). Yams runs on the same libyaml, so it cannot be the reference here: the values are checked
/// against the texts the YAML was made from, and the places against where the YAML put them.
@Suite("libyaml's runs of ASCII read as its characters one by one did")
struct LibYAMLRunsTests {
    /// Texts that put every kind of character next to runs of ASCII: the quotes, the backslash, blanks, non-ASCII
    /// of two, three and four bytes, and a run long enough to cross the reader's 16 KB buffer more than once.
    static func texts(_ random: inout SystemRandomNumberGenerator) -> [String] {
        let pieces = ["plain words", "é", "£", "—", "😀", "'", "\"", "\\", " ", "  ", "\t", "x:y", "#", "[a]", "{b}",
                      "- ", "---", "...", "a'b", "ﬁ", "\u{FFFD}", "e\u{301}", String(repeating: "abcdefgh", count: 40)]
        var texts = pieces + [String(repeating: "abcdefgh", count: 3000)]
        for _ in 0..<60 {
            texts.append((0..<Int.random(in: 1...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined())
        }
        return texts
    }

    /// `text` as a double-quoted YAML scalar: quotes, backslashes and tabs escaped.
    static func doubleQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\t", with: "\\t") + "\""
    }

    /// `text` as a single-quoted YAML scalar: each quote doubled. (Tabs are kept as they are.)
    static func singleQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    @Test("Quoted values of every mix of characters read back as written, each at its line and column")
    func quotedValuesReadBack() throws {
        var random = SystemRandomNumberGenerator()
        let texts = Self.texts(&random)
        var yaml = ""
        var expected: [(key: String, text: String, line: Int, column: Int)] = []
        for (index, text) in texts.enumerated() {
            // Keys of different lengths, so values start at different columns; the double-quoted form of a text
            // with leading or trailing blanks keeps them, as does the single-quoted form (no line is folded).
            let key = "k\(index)" + String(repeating: "_", count: index % 7)
            for (suffix, quoted) in [("d", Self.doubleQuoted(text)), ("s", Self.singleQuoted(text))] where !(suffix == "s" && text.contains("\t")) {
                let line = yaml.utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
                yaml += "\(key)\(suffix): \(quoted)\n"
                expected.append((key + suffix, text, line, key.unicodeScalars.count + suffix.count + 3))
            }
        }
        // Both forms on one line too, in a flow mapping: the second starts where the first's characters end.
        for (index, text) in texts.enumerated() where !text.contains("\t") {
            let line = yaml.utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            let first = "f\(index): {x: \(Self.doubleQuoted(text)), y: "
            yaml += first + Self.singleQuoted(text) + "}\n"
            expected.append(("f\(index)", text, line, first.unicodeScalars.count + 1))
        }
        try Self.expectReadBack(yaml, expected, plain: false)
    }

    /// Each key's value is its text (in a flow mapping `{x: …, y: …}`, both are), with the value (`y`'s) at its
    /// line and column, and plain or quoted as written.
    static func expectReadBack(_ yaml: String, _ expected: [(key: String, text: String, line: Int, column: Int)], plain: Bool) throws {
        let mapping = try #require(try YAMLTree.compose(yaml)?.mapping)
        let read = Array(mapping)
        #expect(read.count == expected.count)
        for (pair, want) in zip(read, expected) {
            #expect(pair.key.scalar?.string == want.key)
            var value = pair.value
            if let flow = value.mapping.map(Array.init) {
                #expect(flow.count == 2 && flow[0].value.scalar?.string == want.text, "\(want.key)")
                value = flow[1].value
            }
            #expect(value.scalar?.string == want.text && value.scalar?.isPlain == plain, "\(want.key)")
            #expect(value.mark.line == want.line && value.mark.column == want.column, "\(want.key) at \(value.mark)")
        }
    }

    @Test("Plain values of letters, punctuation and other scripts read back as written, each at its line and column")
    func plainValuesReadBack() throws {
        var random = SystemRandomNumberGenerator()
        // Pieces a plain value may hold anywhere but at its start: in a block, ':' not before a blank, '#' not
        // after one, commas and brackets; in a flow, none of ',[]{}' and no ':'.
        let anywhere = ["word", "x-y_z.w/v", "C#", "a'b\"c", "é", "£5", "—", "😀", "e\u{301}", "!%&*+=?@^`|~", " ", "2024-01-01",
                        String(repeating: "abcdefgh", count: 40)]
        let blockOnly = ["a:b", "x,y", "[z]", "{w}", "a::b"]
        var yaml = ""
        var expected: [(key: String, text: String, line: Int, column: Int)] = []
        for index in 0..<150 {
            let pieces = index % 2 == 0 ? anywhere : anywhere + blockOnly
            var text = "v" + (0..<Int.random(in: 1...10, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            if index == 0 { text += String(repeating: "long", count: 6000) }  // across the reader's 16 KB buffer
            text = String(text.drop { $0 == " " }).replacingOccurrences(of: "  ", with: " ")
            while text.hasSuffix(" ") { text.removeLast() }
            let line = yaml.utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            let key = "p\(index)" + String(repeating: "_", count: index % 5)
            if index % 2 == 0 {
                let first = "\(key): {x: \(text), y: "
                yaml += first + text + "}\n"
                expected.append((key, text, line, first.unicodeScalars.count + 1))
            } else {
                yaml += "\(key): \(text)\n"
                expected.append((key, text, line, key.unicodeScalars.count + 3))
            }
        }
        try Self.expectReadBack(yaml, expected, plain: true)
    }

    /// Spaces inside a run: one with a character of the run after it is read with the run, any other (two in a
    /// row, one before a comment's '#', a ':', a flow's ',', a line's end or the closing quote) as libyaml reads
    /// blanks. Each value is what Debian's unpatched libyaml (through PyYAML's CLoader) reads from the same line.
    @Test("Spaces inside values read as unpatched libyaml reads them: before a comment, a colon, a comma, a line's end")
    func spacesInsideRuns() throws {
        let cases: [(yaml: String, value: String)] = [
            ("k: a #comment", "a"), ("k: a b c", "a b c"), ("k: a :b", "a :b"), ("k: a\tb", "a\tb"), ("k: a  b", "a  b"),
            ("k: a b #c d", "a b"), ("k: a b\\c", "a b\\c"), ("k: a ,b", "a ,b"), ("k: a b\n  c d", "a b c d"),
            ("k: \"a  b \"", "a  b "), ("k: 'a '' b'", "a ' b"), ("k: \"a \\\" b\"", "a \" b"), ("k: \"a b \n  c\"", "a b c"),
            ("k: 'a b \n\n  c'", "a b\nc"), ("k: 'a b\\c'", "a b\\c"), ("k: \"a b\\tc\"", "a b\tc"), ("k: 'a # b'", "a # b"),
        ]
        for (yaml, value) in cases {
            let read = try #require(try YAMLTree.compose(yaml)?.mapping.map(Array.init)?.first?.value)
            #expect(read.string == value, "\(yaml)")
        }
        let flow = try #require(try YAMLTree.compose("k: {x: a b, y: c d}\nl: [a b, c d]\nm: {x: a ,b}")?.mapping.map(Array.init))
        #expect(flow[0].value.mapping.map(Array.init)?.map { $0.value.string } == ["a b", "c d"])
        #expect(flow[1].value.sequence.map(Array.init)?.map(\.string) == ["a b", "c d"])
        #expect(flow[2].value.mapping.map(Array.init)?.map(\.key.string) == ["x", "b"])
        #expect(flow[2].value.mapping.map(Array.init)?.first?.value.string == "a")
    }

    /// A scalar's scanner keeps its buffers for line breaks and blanks for the next scalar (`Vendor/Yams.patch`).
    /// Values folded over lines and blank lines, in every style, each style after each (so that every value
    /// reuses buffers that each other style has filled and emptied): each is what Debian's unpatched libyaml
    /// (PyYAML's CLoader) reads. With the buffers given back emptied only up to where they were last written, a
    /// plain value after a literal block lost the space a line break folds into.
    @Test("Values folded over lines read as unpatched libyaml reads them, each after others that used its buffers")
    func foldedValuesAfterOthers() throws {
        let values: [(yaml: String, value: String)] = [
            ("a: one  two\n  three\n\n  four", "one  two three\nfour"),
            ("b: \"x  y\n  z\n\n  w \\t\"", "x  y z\nw \t"),
            ("c: 'p ''q''\n   r'", "p 'q' r"),
            ("d: |\n  lit\n   eral\n\n  end", "lit\n eral\n\nend\n"),
            ("e: >-\n  fold\n  ed\n\n  more", "fold ed\nmore"),
            ("f: last one\n  folded", "last one folded"),
            ("g: \"after\n  all\"", "after all"),
        ]
        let pairs = values.flatMap { first in values.flatMap { second in [first, second] } }
        let yaml = pairs.enumerated().map { index, pair in "k\(index)" + pair.yaml.dropFirst() }.joined(separator: "\n") + "\n"
        let read = try #require(try YAMLTree.compose(yaml)?.mapping.map(Array.init))
        #expect(read.map { $0.value.string } == pairs.map(\.value))
    }

    /// The reader tests eight bytes at once for a byte below a space or from DEL up: each such byte, at each place
    /// in the eight, must stop the run where the byte-by-byte test did.
    @Test("Each control character, at each place among eight bytes of a run, is an error at its own column")
    func controlCharacterAtEachPlace() {
        let controls = (UInt8(1)...UInt8(0x1F)).filter { ![0x09, 0x0A, 0x0D].contains($0) } + [0x7F]
        for control in controls {
            for place in 0..<9 {
                let before = "note: " + String(repeating: "w", count: 16 + place)
                let front = "---\ntype: page\ntitle: T\ndate: 2024-01-01\n" + before + String(UnicodeScalar(control)) + "after words\n---\n"
                let (_, errors) = decode(front, path: "Content/pages/c.md")
                let expected = "Content/pages/c.md:5:\(before.count + 1): error: the front matter contains a character YAML does not allow"
                #expect(errors.count == 1 && errors.first?.hasPrefix(expected) == true, "\(control) at \(place): \(errors)")
            }
        }
    }

    @Test("A control character after long runs of ASCII and other text is an error at its own line and column")
    func controlCharacterPlace() {
        let long = String(repeating: "a", count: 40_000)
        let front = "---\ntype: page\ntitle: \"\(long) é\"\nsummary: 'plain \(long)'\ndate: 2024-01-01\nnote: before \u{7} after\n---\n"
        let (_, errors) = decode(front, path: "Content/pages/bell.md")
        #expect(errors == ["Content/pages/bell.md:6:14: error: the front matter contains a character YAML does not allow (control characters are not allowed: U+0007); expected plain text without control characters"])
    }
}
