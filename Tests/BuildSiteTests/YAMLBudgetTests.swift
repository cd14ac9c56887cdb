import Foundation
import Testing
@testable import BuildSite

/// Front matter is counted by libyaml's events only when its bytes cannot show it within the limits. The short cut
/// must never pass a text the count would refuse, or an alias bomb or a stack-breaking nest would get through.
@Suite("Front matter within the YAML limits, known from its bytes")
struct YAMLBudgetTests {
    let context = YAMLContext(path: "x.md", firstLine: 2)

    /// Nests of every kind YAML has, from 1 to 80 levels: the limit is 64.
    func nests() -> [String] {
        var texts: [String] = []
        for depth in stride(from: 1, through: 80, by: 1) {
            // Block mappings, indented by one, two or three spaces, or a tab after the key's colon.
            for step in 1...3 {
                texts.append((0..<depth).map { String(repeating: " ", count: $0 * step) + "k:" }.joined(separator: "\n") + " v")
            }
            // A list under each key, in the key's own column.
            texts.append((0..<depth).map { level in
                let indent = String(repeating: " ", count: level * 2)
                return indent + "- k:"
            }.joined(separator: "\n") + "\n" + String(repeating: " ", count: depth * 2) + "- v")
            // The tightest nest: a list in its key's column, whose entry's value starts one column to the right on the
            // next line (two levels for each column).
            texts.append((0..<depth).map { level in
                let indent = String(repeating: " ", count: level)
                return indent + "k:\n" + indent + "-"
            }.joined(separator: "\n") + "\n" + String(repeating: " ", count: depth) + "v")
            // Compact lists and explicit keys on one line.
            texts.append(String(repeating: "- ", count: depth) + "v")
            texts.append(String(repeating: "? ", count: depth) + "v")
            texts.append(String(repeating: "- ? ", count: depth / 2 + 1) + "v")
            // Flow collections, alone and under block ones.
            texts.append(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
            texts.append(String(repeating: "{a: ", count: depth) + "b" + String(repeating: "}", count: depth))
            texts.append("k:\n  - " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
            // Lines broken by CR, NEL, LS and PS, which libyaml counts as line breaks too.
            for lineBreak in ["\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}"] {
                texts.append((0..<depth).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: lineBreak) + " v")
            }
        }
        return texts
    }

    /// The byte check as first written: every byte through one switch. The check now passes over the bytes after a
    /// line's lead that cannot matter; it must answer as this does.
    static func referenceWithinLimits(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count <= YAMLBudget.maximumExpandedValues / 4 else { return false }
        var flowOpenings = 0, longestLead = 0, lead = 0, inLead = true
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "&"):
                let mayName = !(index > 0 && isAlphanumeric(bytes[index - 1])) && index + 1 < bytes.count
                    && (isAlphanumeric(bytes[index + 1]) || bytes[index + 1] == UInt8(ascii: "_") || bytes[index + 1] == UInt8(ascii: "-"))
                if inLead || mayName { return false }
            case UInt8(ascii: "!"):
                if inLead { return false }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowOpenings += 1
                inLead = false
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x85, 0xA8, 0xA9:
                lead = 0
                inLead = true
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                if inLead {
                    lead += 1
                    longestLead = max(longestLead, lead)
                }
            default:
                inLead = false
            }
        }
        return 2 * (longestLead + 1) + flowOpenings < YAMLBudget.maximumDepth
    }

    @Test("The byte check answers as the one-switch-per-byte version does, on nests and random text")
    func byteCheckAgreesWithReference() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["- ", "? ", ": ", "k: ", "\n", " ", "\t", "[", "]", "{", "}", "a", "\r", "\u{85}", "\u{2028}", "\u{2029}", "&a", "& ",
                      "R&D", "!", "!!str ", "*a", "é", "\u{A8}", "-", "_"]
        let random = (0..<5_000).map { _ in
            (0..<Int.random(in: 0...60, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
        }
        for text in nests() + random {
            #expect(YAMLBudget.provablyWithinLimits(text) == Self.referenceWithinLimits(text), "\(text.debugDescription)")
        }
    }

    @Test("No nest the event count refuses is passed by the bytes alone, and shallow ones are")
    func nestsAgreeWithTheCount() {
        var passedByBytes = 0
        for text in nests() where YAMLBudget.provablyWithinLimits(text) {
            passedByBytes += 1
            #expect(YAMLBudget.problem(in: text, context: context, what: "the front matter") == nil, "\(text.debugDescription)")
        }
        // The short cut is taken for the shallow nests, not only refused for everything.
        #expect(passedByBytes > 200)
    }

    @Test("Random YAML-like text: whatever the bytes pass, the event count passes too")
    func randomTextAgreesWithTheCount() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["- ", "? ", ": ", "k: ", "\n", " ", "  ", "\t", "[", "]", "{", "}", ", ", "a", "\r", "\u{85}", "'", "\"", "|\n", ">\n", "#",
                      "&a ", "&a", "!!map ", "!t ", "*a", "&"]
        for _ in 0..<10_000 {
            let text = (0..<Int.random(in: 1...200, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            if YAMLBudget.provablyWithinLimits(text) {
                #expect(YAMLBudget.problem(in: text, context: context, what: "the front matter") == nil, "\(text.debugDescription)")
            }
        }
    }

    @Test("Anchors, and tags first on their line, are always counted; an & in words and the * of emphasis are not anchors")
    func anchorsAreCounted() {
        for text in ["a: &x [1, 2]\nb: *x", "a: [&x 1, *x]", "a: {k:&x 1}", "- !!map\n  a: 1", "- &x\n  - 1", "a: (&x)"] {
            #expect(!YAMLBudget.provablyWithinLimits(text), "\(text)")
        }
        for text in ["title: R&D and 1st & 2nd", "summary: \"with *Amara Okafor* as the lead\"", "b: *x", "a: 'Children & Families'"] {
            #expect(YAMLBudget.provablyWithinLimits(text), "\(text)")
        }
    }

    @Test("Every front matter in Content/ is passed by its bytes, without a second parse")
    func realFrontMatterTakesTheShortCut() throws {
        let content = repositoryRoot.appendingPathComponent("Content")
        let files = try #require(FileManager.default.enumerator(atPath: content.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: content.appendingPathComponent(file), encoding: .utf8)
            let parts = text.components(separatedBy: "\n---\n")
            let frontMatter = String(parts[0].dropFirst(4))
            #expect(YAMLBudget.provablyWithinLimits(frontMatter), "\(file)")
        }
    }
}
