import Foundation
import Testing
import Yams
@testable import BuildSite

/// build-site reads YAML through libyaml's events into its own compact tree (`YAMLTree`) rather than Yams's `Node`,
/// for speed. Yams is the reference: for real content, for every YAML feature a council officer might meet, and for
/// thousands of random texts, both must give the same values, tags, places and errors.
@Suite("YAML read through libyaml's events, checked against Yams")
struct YAMLTreeTests {
    /// What a decoder can see of a value, compared between the two trees.
    /// Flags are compared apart (`flags`): Yams resolves the tag of every scalar in a key as it checks for
    /// duplicates, in place, so an anchored `true` later used in a key is no longer a flag to it, anywhere.
    indirect enum Shape: Equatable, CustomStringConvertible {
        case scalar(text: String, tag: String, plain: Bool, line: Int, column: Int)
        case sequence([Shape], tag: String, line: Int, column: Int)
        case mapping([Shape], tag: String, line: Int, column: Int)

        var description: String {
            switch self {
            case let .scalar(text, tag, plain, line, column): "\(text.debugDescription) \(tag) plain:\(plain) @\(line):\(column)"
            case let .sequence(items, tag, line, column): "[\(items.map(\.description).joined(separator: ", "))] \(tag) @\(line):\(column)"
            case let .mapping(items, tag, line, column): "{\(items.map(\.description).joined(separator: ", "))} \(tag) @\(line):\(column)"
            }
        }
    }

    /// An untagged value, or one tagged `!`, resolves to text (or a list, or a mapping) for both readers.
    static func resolved(_ tag: String?, default fallback: String) -> String {
        guard let tag, !tag.isEmpty, tag != "!" else { return fallback }
        return tag
    }

    static func shape(_ node: YAMLNode) -> Shape {
        let mark = node.mark
        if let scalar = node.scalar {
            return .scalar(text: scalar.string, tag: resolved(scalar.tag, default: YAMLTree.strTag), plain: scalar.isPlain,
                           line: mark.line, column: mark.column)
        }
        let tag = node.tree.values[Int(node.index)].tag
        if let sequence = node.sequence {
            return .sequence(sequence.map { shape($0) }, tag: resolved(tag, default: "tag:yaml.org,2002:seq"), line: mark.line, column: mark.column)
        }
        let pairs = node.mapping.map { Array($0).flatMap { [shape($0.key), shape($0.value)] } } ?? []
        return .mapping(pairs, tag: resolved(tag, default: "tag:yaml.org,2002:map"), line: mark.line, column: mark.column)
    }

    static func shape(_ node: Node) -> Shape {
        let mark = (line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
        switch node {
        case .scalar(let scalar):
            return .scalar(text: scalar.string, tag: resolved(scalar.tag.rawValue, default: YAMLTree.strTag), plain: scalar.style == .plain,
                           line: mark.line, column: mark.column)
        case .sequence(let sequence):
            return .sequence(sequence.map { shape($0) }, tag: resolved(sequence.tag.rawValue, default: "tag:yaml.org,2002:seq"), line: mark.line, column: mark.column)
        case .mapping(let mapping):
            return .mapping(mapping.flatMap { [shape($0.key), shape($0.value)] }, tag: resolved(mapping.tag.rawValue, default: "tag:yaml.org,2002:map"),
                            line: mark.line, column: mark.column)
        case .alias:
            return .scalar(text: "alias", tag: "", plain: false, line: mark.line, column: mark.column)
        }
    }

    /// Where each reader stopped, and why, in the same terms.
    static func failure(_ problem: YAMLProblem, in yaml: String) -> String {
        switch problem {
        case let .syntax(text, at, context):
            return "\(text) @\(at.line):\(at.column)" + (context.map { " (\($0.text) @\($0.at.line):\($0.at.column))" } ?? "")
        case let .duplicateKeys(keys, at):
            return "duplicates \(keys) @\(at.line):\(at.column)"
        case let .reader(text, offset, value):
            // Yams counts the offset in characters, libyaml in bytes.
            let characters = String(decoding: yaml.utf8.prefix(offset), as: UTF8.self).count
            return "reader \(text) \(characters) \(value)"
        case .memory:
            return "memory"
        }
    }

    static func failure(_ error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            return "\(problem) @\(mark.line):\(mark.column)" + (context.map { " (\($0.text) @\($0.mark.line):\($0.mark.column))" } ?? "")
        case let .duplicatedKeysInMapping(duplicates, context):
            return "duplicates \(duplicates) @\(context.mark.line):\(context.mark.column)"
        case let .reader(problem, offset, value, _):
            return "reader \(problem) \(offset ?? -1) \(value)"
        default:
            return "other \(error)"
        }
    }

    /// Both readers' result for one text: a shape, nothing, or where and why it failed.
    static func compare(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let ours: String
        do {
            ours = try YAMLTree.compose(yaml).map { shape($0).description } ?? "no document"
        } catch {
            ours = failure(error, in: yaml)
        }
        let theirs: String
        do {
            theirs = try Yams.compose(yaml: yaml, Resolver.basic, Constructor.default, .utf8).map { shape($0).description } ?? "no document"
        } catch let error as YamlError {
            theirs = failure(error)
        } catch {
            theirs = "other \(error)"
        }
        #expect(ours == theirs, "\(yaml.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test("Every real front matter, site.yml and glossary.yml reads the same")
    func realContent() throws {
        let content = repositoryRoot.appendingPathComponent("Content")
        let files = try #require(FileManager.default.enumerator(atPath: content.path)).compactMap { $0 as? String }
        var documents = 0
        for file in files where file.hasSuffix(".md") || file.hasSuffix(".yml") {
            let text = try String(contentsOf: content.appendingPathComponent(file), encoding: .utf8)
            let yaml = file.hasSuffix(".yml") ? text : String(text.components(separatedBy: "\n---\n")[0].dropFirst(4))
            Self.compare(yaml)
            if file.hasSuffix(".md") { documents += 1 }
        }
        #expect(documents >= 5)
    }

    @Test("Tags, quotes, anchors, keys and block text read the same", arguments: [
        "a: 1\nb: [x, 'y', \"z\"]\nc: {d: e}",
        "draft: true\nb: yes\nc: \"true\"\nd: !!str on\ne: ! off\nf: TRUE\ng: 'no'",
        "a: ~\nb: null\nc: !!null x\nd:\ne: ''\nf: !!int 3",
        "a: &x [1, 2]\nb: *x\nc: &y {k: v}\nd: *y\ne: &z s\nf: *z",
        "a: &x 1\na2: &x 2\nb: *x",
        "a: *missing",
        "a: &x [1, *x]",
        "a: 1\na: 2",
        "b: 1\na: 2\nb: 3\na: 4",
        "\"a\": 1\na: 2",
        "!!int 1: a\n1: b",
        "! k: a\nk: b",
        "[a, b]: 1\n[a, b]: 2",
        "{k: v}: 1\n? {k: v}\n: 2",
        "? [a]\n: 1\n? a\n: 2",
        "k1: 1\nk2: 2\nk3: 3\nk4: 4\nk5: 5\nk6: 6\nk7: 7\nk8: 8\nk9: 9\nk10: 10\nk11: 11\nk12: 12\nk13: 13\nk14: 14\nk15: 15\nk16: 16\nk17: 17\nk3: 18\nk1: 19",
        "text: |\n  line one\n  line two\nfolded: >\n  one\n  two\n",
        "a: \"tab\\there \\0 nul\"\nb: 'it''s'",
        "a: café ünïcödé – “quotes”\nb: 😀 x",
        "",
        "# only a comment\n",
        "---\na: 1\n...\n",
        "a: 1\n---\nb: 2",
        "- a\n- b: c\n  d: e\n- - f\n  - g",
        "a: [1, 2\nb: 3",
        "a: {b: c",
        "a:\n\t- b",
        "a: b: c",
        "  a: 1\n b: 2",
        "a: 'unclosed\nb: 2",
        "a: \"bad \\q escape\"",
        "a: 1\u{07}",
        "a: x\u{0C}y",
        "a: !<tag:example.com,2000:x> v\nb: !local v",
        "%YAML 1.1\n---\na: 1",
        "%TAG !e! tag:example.com,2000:\n---\na: !e!x v",
        "a: &anchor\n  b: 1\nc:\n  <<: *anchor\n  d: 2",
        "a:\r\n  b: 1\r\n  c: 2\r\n",
        "- &a x\n- *a\n- *a",
    ])
    func features(_ yaml: String) {
        Self.compare(yaml)
    }

    @Test("Flags read as Yams reads them: yes, on, true and their opposites in any case, unless quoted or !!str")
    func flags() throws {
        let yaml = "a: true\nb: yes\nc: \"true\"\nd: !!str on\ne: ! off\nf: TRUE\ng: 'no'\nh: Off\ni: y\nj: 1\nk: ~\nl: [on]"
        let ours = try #require(try YAMLTree.compose(yaml)?.mapping)
        let theirs = try #require(try Yams.compose(yaml: yaml, Resolver.basic, Constructor.default, .utf8)?.mapping)
        let flags = ours.map { $0.value.bool }
        #expect(flags == [true, true, nil, nil, false, true, nil, false, nil, nil, nil, nil])
        #expect(flags == theirs.map { $0.value.bool })
    }

    /// The same texts on every run (a fixed seed), so that a failure can be run again.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("10,000 random YAML-like texts read the same, or fail at the same place for the same reason")
    func randomText() {
        var generator = SeededGenerator(state: 14)
        let pieces = ["- ", "? ", ": ", "k: ", "j: ", "\n", " ", "  ", "\t", "[", "]", "{", "}", ", ", "a", "b", "'", "\"", "|\n", ">\n", "#",
                      "&a ", "*a", "&b ", "*b", "!!str ", "!!null ", "! ", "!t ", "true", "Off", "~", "\\", "é", "---\n", "...\n"]
        for _ in 0..<10_000 {
            let text = (0..<Int.random(in: 1...60, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            Self.compare(text)
        }
    }
}
