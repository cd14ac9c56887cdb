import Foundation

/// Maps a YAML node to a place in the content file (libyaml counts lines within the YAML text only).
struct YAMLContext: Sendable {
    var path: String
    var firstLine: Int

    func location(of node: YAMLNode?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(path: path, line: firstLine, column: 1) }
        return location(of: mark)
    }

    func location(of mark: YAMLMark) -> SourceLocation {
        location(yamlLine: mark.line, column: mark.column)
    }

    /// A 1-based line within the YAML text and a 1-based column, as a place in the content file.
    func location(yamlLine: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: yamlLine + firstLine - 1, column: column)
    }

    /// How messages name this YAML: a whole file (site.yml, glossary.yml) or a document's front matter.
    var what: String { firstLine == 1 ? "this file" : "the front matter" }
}

/// Parses YAML text into a node tree with positions, or says where the YAML is broken.
///
/// Every scalar is read as text and typed by the decoders (`Int()` of the text, `node.bool`, the null checks read
/// the text and explicit tags), as with Yams's basic resolver. So keys are compared as text: `1:` and `"1":`, or
/// `yes:` and `"yes":`, are the same key twice (an error), as they are to every reader of the keys here.
enum YAMLParsing {
    static func compose(_ yaml: String, context: YAMLContext) throws(Diagnostic) -> YAMLNode? {
        try YAMLBudget.check(yaml, context: context, what: context.what)
        do {
            return try YAMLTree.compose(yaml)
        } catch {
            throw describe(error, in: yaml, context: context)
        }
    }

    private static func describe(_ problem: YAMLProblem, in yaml: String, context: YAMLContext) -> Diagnostic {
        let advice = "expected 'key: value' lines, with text containing ': ' or '#' in quotes"
        switch problem {
        case let .syntax(problem, mark, _) where problem.hasPrefix("Maximum nesting level"):
            // libyaml's own limit on `[[[[…` (its message names a C function), reported like YAMLBudget's.
            return .error(at: context.location(of: mark), "\(context.what) nests lists and keys too deep; expected a few levels, such as risks → actions → keys")
        case let .syntax(problem, mark, yamlContext):
            // libyaml often stops a line after the mistake ("did not find expected ']'"); its context says where
            // the unfinished part began ("while parsing a flow sequence" at line 3), which is where to look.
            var started = ""
            if let yamlContext, !yamlContext.text.isEmpty, yamlContext.at != mark {
                let at = context.location(of: yamlContext.at)
                started = " \(yamlContext.text) that starts at line \(at.line), column \(at.column)"
            }
            return .error(at: context.location(of: mark), "invalid YAML: \(problem)\(started); \(advice)")
        case let .duplicateKeys(duplicates, mark):
            return .error(at: context.location(of: mark), "the key '\(duplicates.joined(separator: "', '"))' appears twice; expected each key once")
        case let .reader(problem, offset, value):
            // libyaml refuses control characters (a stray bell or form feed pasted from a PDF) before parsing.
            // `offset` counts bytes; the column counts Unicode scalars, as libyaml's marks do.
            let before = String(decoding: yaml.utf8.prefix(offset), as: UTF8.self)
            let line = before.utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            let column = (before.split(separator: "\n", omittingEmptySubsequences: false).last?.unicodeScalars.count ?? 0) + 1
            let code = value >= 0 ? String(format: " U+%04X", value) : ""
            return .error(at: context.location(yamlLine: line, column: column), "\(context.what) contains a character YAML does not allow (\(problem):\(code)); expected plain text without control characters")
        case .memory:
            return .error(at: context.location(of: nil), "the front matter is not valid YAML; \(advice)")
        }
    }
}

/// Reads typed values out of one YAML mapping. A wrong value is an error at the value's own line and column;
/// reading goes on so that one pass reports every problem.
struct YAMLFields {
    let node: YAMLNode
    let mapping: YAMLNode.Mapping
    let context: YAMLContext
    /// What this mapping is, for messages: "front matter", "risk 16", "action 3 of risk 16".
    private(set) var what: String
    /// The values with their keys' text, in the mapping's order, made once: fields are read several times each. A
    /// field is found by comparing keys in turn, not by hashing: a mapping has a few to twenty keys, nearly all
    /// short enough to be compared as one word, and a dictionary per mapping (every key hashed to make it, and again
    /// for each look-up) was 1% of a build's samples.
    private let values: [(key: String, value: YAMLNode)]

    init?(_ node: YAMLNode?, context: YAMLContext, what: String, bag: inout DiagnosticBag) {
        guard let node, let mapping = node.mapping else {
            bag.error(context.location(of: node), "\(what) must be a set of 'key: value' lines; found \(YAMLFields.describe(node))")
            return nil
        }
        self.node = node
        self.mapping = mapping
        self.context = context
        self.what = what
        values = YAMLFields.index(mapping)
    }

    /// The same fields under another name for messages, without indexing the keys again.
    func named(_ what: String) -> YAMLFields {
        var renamed = self
        renamed.what = what
        return renamed
    }

    /// The look-up table. A value is found under its key's text when the key is text: untagged, quoted, `!` or
    /// `!!str` (every key this program reads is plain text; a key tagged `!!int` is not text). Two such keys with
    /// the same text are a duplicate, which `YAMLTree` already refused, so which one wins cannot matter; the first
    /// is found.
    private static func index(_ mapping: YAMLNode.Mapping) -> [(key: String, value: YAMLNode)] {
        var values: [(key: String, value: YAMLNode)] = []
        values.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            if let scalar = key.scalar, isText(scalar) { values.append((scalar.string, value)) }
        }
        return values
    }

    /// Untagged, quoted, `!` or `!!str`.
    private static func isText(_ scalar: YAMLNode.Scalar) -> Bool {
        scalar.tag == nil || scalar.tag == YAMLTree.strTag || scalar.tag == "!"
    }

    /// Left out, as if not written: `!!null`, nothing after the colon, or YAML's words for no value (`~`, `null`,
    /// `Null`, `NULL`) unquoted. An officer who writes `summary: ~` means no summary, not a page that says "~".
    static func isNothing(_ node: YAMLNode?) -> Bool {
        guard let scalar = node?.scalar else { return false }
        return isNothing(scalar)
    }

    /// The same for a scalar in hand.
    static func isNothing(_ scalar: YAMLNode.Scalar) -> Bool {
        if scalar.tag == YAMLTree.nullTag { return true }
        guard scalar.isPlain, scalar.tag == nil else { return false }
        // By length first: every value of every mapping is asked, and nearly none is 0, 1 or 4 bytes long, which
        // five comparisons of the text found only after making each.
        let text = scalar.string
        switch text.utf8.count {
        case 0: return true
        case 1: return text.utf8.first == UInt8(ascii: "~")
        case 4:
            // The four bytes as one number: comparing texts that differ went to the standard library's general
            // comparison each time.
            let word = text.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            return word == 0x6E75_6C6C || word == 0x4E75_6C6C || word == 0x4E55_4C4C  // null, Null, NULL
        default: return false
        }
    }

    var location: SourceLocation { context.location(of: node) }

    func value(_ key: String) -> YAMLNode? {
        // The first key with this text: a second is a duplicate, which `YAMLTree` refused already.
        // Lengths first: texts that differ went to the standard library's general comparison, and most keys
        // compared differ in length.
        let length = key.utf8.count
        guard let value = values.first(where: { $0.key.utf8.count == length && $0.key == key })?.value, !YAMLFields.isNothing(value) else { return nil }
        return value
    }

    func location(_ key: String) -> SourceLocation { context.location(of: value(key) ?? keyNode(key) ?? node) }

    /// The first key node with this text, for the location of a key whose value is missing or empty. Searched, not
    /// indexed: only messages need it, and a second table per mapping cost more than every search.
    func keyNode(_ key: String) -> YAMLNode? { mapping.keys.first { $0.string == key } }

    func missing(_ key: String, expected: String, bag: inout DiagnosticBag) {
        let at = keyNode(key).map { context.location(of: $0) } ?? location
        bag.error(at, "\(what) has no '\(key)'; expected \(expected)")
    }

    func string(_ key: String, required: Bool = false, bag: inout DiagnosticBag) -> String? {
        string(key, node: value(key), required: required, bag: &bag)
    }

    /// The text of a value already in hand, as when walking every pair of a long mapping: looking each key up
    /// again would make reading a 50,000-entry glossary quadratic.
    func string(_ key: String, node: YAMLNode?, required: Bool = false, bag: inout DiagnosticBag) -> String? {
        // The scalar made once, for the test for nothing and the text.
        guard let node, let scalar = node.scalar else {
            if let node {
                bag.error(context.location(of: node), "'\(key)' must be text; found \(YAMLFields.describe(node))")
            } else if required {
                missing(key, expected: "'\(key): …' with text", bag: &bag)
            }
            return nil
        }
        guard !YAMLFields.isNothing(scalar) else {
            if required { missing(key, expected: "'\(key): …' with text", bag: &bag) }
            return nil
        }
        return scalar.string
    }

    func int(_ key: String, required: Bool = false, bag: inout DiagnosticBag) -> Int? {
        guard let node = value(key) else {
            if required { missing(key, expected: "'\(key):' with a whole number", bag: &bag) }
            return nil
        }
        guard let number = node.scalar.flatMap({ Int($0.string) }) else {
            bag.error(context.location(of: node), "'\(key)' must be a whole number; found \(YAMLFields.describe(node))")
            return nil
        }
        return number
    }

    func bool(_ key: String, bag: inout DiagnosticBag) -> Bool? {
        guard let node = value(key) else { return nil }
        guard let flag = node.bool else {
            bag.error(context.location(of: node), "'\(key)' must be true or false; found \(YAMLFields.describe(node))")
            return nil
        }
        return flag
    }

    /// A list of text; a single text value is accepted as a list of one. An item with no value (`- ~`) is left out.
    func stringList(_ key: String, bag: inout DiagnosticBag) -> [String] {
        guard let node = value(key) else { return [] }
        if let scalar = node.scalar { return [scalar.string] }
        guard let sequence = node.sequence else {
            bag.error(context.location(of: node), "'\(key)' must be a list of text ('- item' lines); found \(YAMLFields.describe(node))")
            return []
        }
        var items: [String] = []
        items.reserveCapacity(sequence.count)
        for item in sequence {
            // Each item's scalar made once: the test for nothing and the text made it twice.
            if let scalar = item.scalar {
                if !YAMLFields.isNothing(scalar) { items.append(scalar.string) }
            } else {
                bag.error(context.location(of: item), "each item of '\(key)' must be text; found \(YAMLFields.describe(item))")
            }
        }
        return items
    }

    func list(_ key: String, bag: inout DiagnosticBag) -> [YAMLNode] {
        guard let node = value(key) else { return [] }
        guard let sequence = node.sequence else {
            bag.error(context.location(of: node), "'\(key)' must be a list ('- ' items); found \(YAMLFields.describe(node))")
            return []
        }
        return Array(sequence)
    }

    func date(_ key: String, required: Bool = false, bag: inout DiagnosticBag) -> ContentDate? {
        guard let text = string(key, required: required, bag: &bag) else { return nil }
        guard let date = ContentDate(iso: text) else {
            bag.error(location(key), "'\(key)' must be a real date written YYYY-MM-DD (or YYYY-MM, or YYYY when only that is known); found \"\(text)\"")
            return nil
        }
        return date
    }

    /// Unknown keys are usually typing mistakes ("titel:"), so each is a warning naming the keys that are known.
    func warnUnknownKeys(known: [String], bag: inout DiagnosticBag) {
        // Nearly every mapping holds known keys only: their texts, read once already, are checked first, without
        // a node made for each key of the mapping again.
        if values.count == mapping.count, values.allSatisfy({ known.contains($0.key) }) { return }
        for key in mapping.keys {
            guard let name = key.string, !known.contains(name) else { continue }
            let suggestion = nearestMatch(to: name, in: known, maxDistance: 2).map { " (did you mean '\($0)'?)" } ?? ""
            bag.warning(context.location(of: key), "unknown key '\(name)' in \(what)\(suggestion); expected one of: \(known.joined(separator: ", "))")
        }
    }

    static func describe(_ node: YAMLNode?) -> String {
        guard let node else { return "nothing" }
        if let scalar = node.scalar { return "\"\(scalar.string.prefix(60))\"" }
        return node.mapping != nil ? "a set of keys" : "a list"
    }
}

/// The candidate closest to a misspelt name, for "did you mean": ties go to the alphabetically first, so messages
/// are the same on every run whatever order the candidates came in.
func nearestMatch<Candidates: Sequence>(to name: String, in candidates: Candidates, maxDistance: Int = .max) -> String?
where Candidates.Element == String {
    candidates.map { (editDistance($0, name), $0) }
        .filter { $0.0 <= maxDistance }
        .min { $0 < $1 }?.1
}

/// Levenshtein distance, for "did you mean" on misspelt keys (keys are short, so the simple table is fine).
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
