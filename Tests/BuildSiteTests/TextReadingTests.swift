import Foundation
import Testing
@testable import BuildSite

@Suite("A document's bytes read straight into its text agree with the checked way")
struct TextReadingTests {
    /// Bytes that are valid UTF-8 as they are, and bytes the fast way must leave to the checked way: marks, line
    /// ends, and invalid sequences of every kind, including those a string repairs with as many bytes as it drops.
    static let samples: [(name: String, bytes: [UInt8])] = [
        ("empty", []),
        ("ASCII", Array("---\ntitle: Plain\n---\nText.\n".utf8)),
        ("accents and a NUL", Array("Café £5 — naïve\u{0}end".utf8)),
        ("byte-order mark", [0xEF, 0xBB, 0xBF] + Array("text".utf8)),
        ("CR LF", Array("one\r\ntwo\r\n".utf8)),
        ("lone CR", Array("one\rtwo".utf8)),
        ("U+FFFD written in the file", Array("a \u{FFFD} b".utf8)),
        ("EF without BF BD after it", Array("\u{F000}\u{FEFF}x".utf8)),
        ("lone FF", [0x61, 0xFF, 0x62]),
        ("cut four-byte sequence, three bytes repaired as one U+FFFD", [0x61, 0xF0, 0x90, 0x80, 0x62]),
        ("overlong", [0x61, 0xE0, 0x80, 0x80]),
        ("surrogate", [0xED, 0xA0, 0x80]),
        ("cut at the end", [0x61, 0xE2, 0x82]),
    ]

    @Test("The fast way reads a file exactly when the checked way finds nothing to change, and reads the same text")
    func agreesWithCheckedDecoding() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("text-reading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, sample) in Self.samples.enumerated() {
            let path = folder.appendingPathComponent("\(index).md").path
            try Data(sample.bytes).write(to: URL(fileURLWithPath: path))
            let checked = TextDecoding.decodeNotingChanges(Data(sample.bytes))
            let fast = TextDecoding.readPlainText(path, atMost: 1 << 20)
            let unchanged = checked.map { !$0.changed && !$0.text.contains("\u{FFFD}") } ?? false
            #expect((fast != nil) == unchanged, "\(sample.name)")
            if let fast { #expect(fast == checked?.text && Array(fast.utf8) == sample.bytes, "\(sample.name)") }
        }
        let large = folder.appendingPathComponent("large.md").path
        try Data(repeating: 0x61, count: 100).write(to: URL(fileURLWithPath: large))
        #expect(TextDecoding.readPlainText(large, atMost: 99) == nil, "a file over the limit is left to the checked way")
        #expect(TextDecoding.readPlainText(large, atMost: 100)?.utf8.count == 100)
        #expect(TextDecoding.readPlainText(folder.path, atMost: 100) == nil, "a folder is not read")
        #expect(TextDecoding.readPlainText(folder.appendingPathComponent("missing.md").path, atMost: 100) == nil)
    }

    @Test("U+FFFD is found at the start, the end and after other EF bytes, and not in bytes that only start like it")
    func findsReplacementCharacter() {
        let cases: [([UInt8], Bool)] = [
            ([0xEF, 0xBF, 0xBD], true), ([0x61, 0xEF, 0xBF, 0xBD], true), ([0xEF, 0xEF, 0xBF, 0xBD, 0x61], true),
            ([0xEF, 0xBF], false), ([0xEF, 0xBB, 0xBF, 0x61], false), ([0x61, 0x62], false), ([], false),
        ]
        for (bytes, expected) in cases {
            #expect(bytes.withUnsafeBufferPointer(TextDecoding.containsReplacementCharacter) == expected, "\(bytes)")
        }
    }

    @Test("A cut four-byte sequence, which a string repairs at the same length, is an error at its place; a written U+FFFD is text")
    func cutSequenceReportedAndReplacementKept() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let front = "---\ntype: page\ntitle: Odd bytes\ndate: 2024-01-01\n---\n"
        try site.write("Content/pages/kept.md", front + "A sign \u{FFFD} stays.\n")
        let cut = site.root.appendingPathComponent("Content/pages/cut.md")
        try Data(Array((front + "Cut: ").utf8) + [0xF0, 0x90, 0x80] + Array(" here.\n".utf8)).write(to: cut)
        #expect(site.buildErrors() == ["Content/pages/cut.md:6:6: error: this file is not valid UTF-8 text; expected it saved as UTF-8"])
        try FileManager.default.removeItem(at: cut)
        _ = try site.build()
        #expect(try site.read("Site/pages/kept/index.html").contains("<p>A sign \u{FFFD} stays.</p>"))
    }

    @Test("Text made run by run is the text String(decoding:) makes of the whole, valid or not")
    func runsMakeTheSameText() {
        var random = SystemRandomNumberGenerator()
        // ASCII runs of every length around bytes of every kind: lead bytes, continuations, whole sequences, cut ones.
        let pieces: [[UInt8]] = [Array("plain text ".utf8), Array("£".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8),
                                 [0xF0, 0x9F, 0x98], [0xE2, 0x82], [0xC3], [0x80], [0xBF, 0xBF], [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80],
                                 Array("x".utf8), Array("0123456789abcdef".utf8), [0x0A], [0x00]]
        for _ in 0..<3_000 {
            let bytes = (0..<Int.random(in: 0..<12, using: &random)).flatMap { _ in pieces.randomElement(using: &random) ?? [] }
            let runs = bytes.withUnsafeBufferPointer { TextDecoding.string(fromUTF8: $0) }
            #expect(runs == String(decoding: bytes, as: UTF8.self), "\(bytes)")
            #expect(Array(runs.utf8) == Array(String(decoding: bytes, as: UTF8.self).utf8), "\(bytes)")
        }
    }
}
