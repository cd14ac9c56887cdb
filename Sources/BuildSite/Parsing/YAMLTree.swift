// libyaml as bundled by Yams, read event by event (as YAMLBudget reads it).
internal import CYaml

/// One YAML text as libyaml parsed it: every value in one table, each collection's children in a second.
///
/// Why not Yams's `Node`: at 10,000 reports, Yams's composing was 9% of a build's samples, of which libyaml's own
/// parsing was a third, and reading the fields out of its nodes 7% more. Yams makes a tag object and an event object
/// for every value, hashes every key of every mapping to find duplicates, and its generic code is not specialised for
/// the caller; reading the fields copied each node again. Read this way, all YAML work is 9% of a build, not 16%.
/// Here libyaml still does all the scanning and parsing; this file only keeps what its events say, in the same
/// terms as Yams's composer: tags, styles, positions, anchors and aliases, one document, keys once per mapping.
final class YAMLTree {
    enum Kind: UInt8 { case scalar, sequence, mapping }

    struct Value {
        /// A scalar's text; empty for a collection.
        var text: String
        /// The tag as libyaml resolved it (`tag:yaml.org,2002:str` for `!!str` and for every quoted scalar, as Yams
        /// has it), nil when the value has none.
        var tag: String?
        var kind: Kind
        var isPlain: Bool
        /// 1-based, within the YAML text; the column counts Unicode scalars, as libyaml does.
        var line: Int32
        var column: Int32
        /// A collection's children in `items`: a sequence's values, or a mapping's keys and values in turn.
        var start: Int32 = 0
        var count: Int32 = 0
    }

    /// Made whole by the composer, then only read: constants of a final class are read without the run-time check
    /// for overlapping access that each read or append of a stored `var` had (0.6% of a build's instructions).
    let values: [Value]
    let items: [Int32]

    fileprivate init(values: [Value], items: [Int32]) {
        self.values = values
        self.items = items
    }

    static let strTag = "tag:yaml.org,2002:str"
    static let nullTag = "tag:yaml.org,2002:null"
}

/// A position in a YAML text: 1-based line and column.
struct YAMLMark: Sendable, Equatable {
    var line: Int
    var column: Int
}

/// What stopped libyaml, or the composing, in terms of the YAML text.
enum YAMLProblem: Error {
    /// libyaml's scanner, parser or this composer: what is wrong, where, and where the unfinished part began.
    case syntax(problem: String, at: YAMLMark, context: (text: String, at: YAMLMark)?)
    /// Keys that appear twice in one mapping, alphabetically; `at` is the first key's first place.
    case duplicateKeys([String], at: YAMLMark)
    /// A character libyaml refuses before parsing: its problem, the byte offset and the code point.
    case reader(problem: String, offset: Int, value: Int32)
    /// libyaml ran out of memory.
    case memory
}

/// One value of a `YAMLTree`.
struct YAMLNode {
    let tree: YAMLTree
    let index: Int32

    private var value: YAMLTree.Value { tree.values[Int(index)] }

    var mark: YAMLMark {
        let value = self.value
        return YAMLMark(line: Int(value.line), column: Int(value.column))
    }

    struct Scalar {
        var string: String
        var tag: String?
        var isPlain: Bool
    }

    var scalar: Scalar? {
        let value = self.value
        return value.kind == .scalar ? Scalar(string: value.text, tag: value.tag, isPlain: value.isPlain) : nil
    }

    var string: String? { scalar?.string }

    var sequence: Sequence? {
        let value = self.value
        return value.kind == .sequence ? Sequence(tree: tree, start: Int(value.start), count: Int(value.count)) : nil
    }

    var mapping: Mapping? {
        let value = self.value
        return value.kind == .mapping ? Mapping(tree: tree, start: Int(value.start), count: Int(value.count) / 2) : nil
    }

    /// `true`, `yes`, `on`, `false`, `no` or `off` in any case, unless the text is quoted or tagged `!!str`: what
    /// Yams's `Node.bool` accepts.
    var bool: Bool? {
        guard let scalar, scalar.tag != YAMLTree.strTag else { return nil }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    struct Sequence: RandomAccessCollection {
        let tree: YAMLTree
        let start: Int
        let count: Int
        var startIndex: Int { 0 }
        var endIndex: Int { count }
        subscript(position: Int) -> YAMLNode { YAMLNode(tree: tree, index: tree.items[start + position]) }
    }

    struct Mapping: RandomAccessCollection {
        let tree: YAMLTree
        let start: Int
        let count: Int
        var startIndex: Int { 0 }
        var endIndex: Int { count }
        subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) {
            (YAMLNode(tree: tree, index: tree.items[start + 2 * position]), YAMLNode(tree: tree, index: tree.items[start + 2 * position + 1]))
        }
        var keys: LazyMapSequence<Mapping, YAMLNode> { lazy.map(\.key) }
    }
}

extension YAMLTree {
    /// The single document of `yaml`, or nil when it has none (empty, or only comments).
    static func compose(_ yaml: String) throws(YAMLProblem) -> YAMLNode? {
        let result = LibYAMLParser.reading(yaml) { parser -> Result<YAMLNode?, YAMLProblem> in
            var composer = Composer()
            do throws(YAMLProblem) {
                return .success(try composer.run(&parser))
            } catch {
                return .failure(error)
            }
        }
        guard let result else { throw .memory }
        return try result.get()
    }
}

/// Builds the tree from libyaml's events without recursion, so that nesting costs no stack.
private struct Composer {
    /// The tree's tables, as they grow.
    var values: [YAMLTree.Value] = []
    var items: [Int32] = []
    /// The children of the collections still open, innermost last.
    var pending: [Int32] = []
    var open: [(value: Int32, firstChild: Int, anchor: String?)] = []
    /// Each anchor's value; a later anchor of the same name replaces an earlier one, as in Yams.
    var anchors: [String: Int32] = [:]
    var root: Int32?

    mutating func run(_ parser: inout yaml_parser_t) throws(YAMLProblem) -> YAMLNode? {
        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { throw Self.problem(of: parser) }
            defer { yaml_event_delete(&event) }
            let mark = YAMLMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                let tree = YAMLTree(values: values, items: items)
                return root.map { YAMLNode(tree: tree, index: $0) }
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw .syntax(problem: "but found another document", at: mark,
                                  context: ("expected a single document in the stream", YAMLMark(line: 1, column: 1)))
                }
            case YAML_ALIAS_EVENT:
                guard let name = Self.text(event.data.alias.anchor), let target = anchors[name] else {
                    throw .syntax(problem: "found undefined alias", at: mark, context: nil)
                }
                add(target)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let tag = scalar.quoted_implicit == 1 ? YAMLTree.strTag : Self.text(scalar.tag)
                let index = append(YAMLTree.Value(text: text, tag: tag, kind: .scalar, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE,
                                                  line: Int32(clamping: mark.line), column: Int32(clamping: mark.column)))
                if let anchor = Self.text(scalar.anchor) { anchors[anchor] = index }
                add(index)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isSequence = event.type == YAML_SEQUENCE_START_EVENT
                let (implicit, tag, anchor) = isSequence
                    ? (event.data.sequence_start.implicit, event.data.sequence_start.tag, event.data.sequence_start.anchor)
                    : (event.data.mapping_start.implicit, event.data.mapping_start.tag, event.data.mapping_start.anchor)
                let index = append(YAMLTree.Value(text: "", tag: implicit != 0 ? nil : Self.text(tag), kind: isSequence ? .sequence : .mapping,
                                                  isPlain: false, line: Int32(clamping: mark.line), column: Int32(clamping: mark.column)))
                open.append((index, pending.count, Self.text(anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { continue }
                let children = pending[closed.firstChild...]
                if event.type == YAML_MAPPING_END_EVENT { try checkDuplicateKeys(children) }
                values[Int(closed.value)].start = Int32(items.count)
                values[Int(closed.value)].count = Int32(children.count)
                items.append(contentsOf: children)
                pending.removeSubrange(closed.firstChild...)
                // Registered once whole, as Yams does: an alias inside a collection to the collection's own anchor
                // is undefined.
                if let anchor = closed.anchor { anchors[anchor] = closed.value }
                add(closed.value)
            default:
                continue
            }
        }
    }

    private mutating func append(_ value: YAMLTree.Value) -> Int32 {
        values.append(value)
        return Int32(values.count - 1)
    }

    private mutating func add(_ index: Int32) {
        if open.isEmpty { root = index } else { pending.append(index) }
    }

    /// Yams's rule: two keys are the same when they are equal values of the same type, so `a:` and `"a":` are,
    /// and `!!int 1:` and `1:` are not. A mapping of a few keys (front matter, a risk) is checked pair by pair,
    /// without a table; a long one (a glossary of thousands of terms) through a table, so that it stays linear.
    private func checkDuplicateKeys(_ children: ArraySlice<Int32>) throws(YAMLProblem) {
        let keys = stride(from: children.startIndex, to: children.endIndex, by: 2).map { children[$0] }
        var duplicates: [Int32] = []
        if keys.count <= 16 {
            // Two keys that are scalars are compared where they lie (most pairs differ in their text): a copy of
            // each value, made for each pair, retained and released its text and tag, 1.5% of a build.
            values.withUnsafeBufferPointer { values in
                func same(_ a: Int32, _ b: Int32) -> Bool {
                    let (x, y) = (Int(a), Int(b))
                    guard values[x].kind == .scalar, values[y].kind == .scalar else { return identity(of: a) == identity(of: b) }
                    return values[x].text == values[y].text && Self.sameResolvedTag(values[x].tag, values[y].tag)
                }
                for (position, key) in keys.enumerated() {
                    guard let earlier = keys[..<position].first(where: { same($0, key) }) else { continue }
                    if !duplicates.contains(where: { same($0, earlier) }) { duplicates.append(earlier) }
                }
            }
        } else {
            var first: [String: Int32] = [:]
            var reported = Set<String>()
            for key in keys {
                let identity = identity(of: key)
                if let earlier = first[identity] {
                    if reported.insert(identity).inserted { duplicates.append(earlier) }
                } else {
                    first[identity] = key
                }
            }
        }
        guard !duplicates.isEmpty else { return }
        // Yams's name, and spelling, for a key that is not text.
        let names = duplicates.map { values[Int($0)].kind == .scalar ? values[Int($0)].text : "<uncovertable>" }
        let sorted = zip(names, duplicates).sorted { $0.0 < $1.0 }
        let firstKey = values[Int(sorted[0].1)]
        throw .duplicateKeys(sorted.map(\.0), at: YAMLMark(line: Int(firstKey.line), column: Int(firstKey.column)))
    }

    /// Text that is equal for two values exactly when Yams's `Node` equality holds: scalars by text and resolved
    /// tag, collections by their resolved tag and children in order.
    private func identity(of index: Int32) -> String {
        let value = values[Int(index)]
        switch value.kind {
        case .scalar:
            return "s\(Self.resolvedTag(value).utf8.count):\(Self.resolvedTag(value))\(value.text.utf8.count):\(value.text)"
        case .sequence, .mapping:
            let children = items[Int(value.start)..<Int(value.start + value.count)].map { identity(of: $0) }
            let tag = value.tag.flatMap { $0 == "!" ? nil : $0 } ?? (value.kind == .sequence ? "tag:yaml.org,2002:seq" : "tag:yaml.org,2002:map")
            return (value.kind == .sequence ? "[" : "{") + "\(tag.utf8.count):\(tag)\(children.count)" + children.joined() + "]"
        }
    }

    /// An untagged scalar, or one tagged `!`, is text to the basic resolver this program gives Yams.
    private static func resolvedTag(_ value: YAMLTree.Value) -> String {
        resolvedTag(value.tag)
    }

    private static func resolvedTag(_ tag: String?) -> String {
        guard let tag, tag != "!" else { return YAMLTree.strTag }
        return tag
    }

    /// Whether two tags resolve the same, without making either: most keys have none.
    private static func sameResolvedTag(_ a: String?, _ b: String?) -> Bool {
        a == b || resolvedTag(a) == resolvedTag(b)
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    private static func problem(of parser: yaml_parser_t) -> YAMLProblem {
        func message(_ pointer: UnsafePointer<CChar>?) -> String { pointer.map { String(cString: $0) } ?? "" }
        let at = YAMLMark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        switch parser.error {
        case YAML_READER_ERROR:
            return .reader(problem: message(parser.problem), offset: Int(parser.problem_offset), value: parser.problem_value)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            let context = parser.context.map { (text: String(cString: $0), at: YAMLMark(line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1)) }
            return .syntax(problem: message(parser.problem), at: at, context: context)
        default:
            return .memory
        }
    }
}
