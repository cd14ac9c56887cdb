// libyaml as bundled by Yams, read event by event: the checks below run before `YAMLTree` builds its tree and the
// decoders walk it, which is where an alias bomb or very deep nesting would do its harm.
internal import CYaml

/// Refuses YAML that would cost far more to read than its size suggests, before it is composed (`YAMLTree`):
///
/// - An alias bomb (`a: &a [x, x]`, `b: &b [*a, *a]`, … nine levels deep) is a few hundred bytes whose expansion is
///   billions of values. `YAMLTree` shares an aliased value rather than copying it, but comparing a mapping's keys to find
///   duplicates walks every key in full, and so would build-site walking `risks:`; both would take hours.
///   So the values are counted as if every alias were written out, and more than `maximumExpandedValues` is an error.
/// - Nesting like `[[[[…` thousands deep would overflow the stack of whatever walks the tree recursively (a key's
///   identity in `YAMLTree`, the tests' comparison with Yams, which composes recursively).
/// - Front matter over `maximumBytes` is not front matter a council officer wrote.
///
/// Counting walks libyaml's events once, with a table of each anchor's expanded size, so it takes time linear in the
/// text however large the expansion. YAML that libyaml cannot parse passes through: `YAMLTree` then reports where it
/// broke.
enum YAMLBudget {
    /// Real front matter is a few hundred values (the largest report here has about 150); this leaves ample room.
    static let maximumExpandedValues = 100_000
    /// Real front matter nests five deep at most (risks → a risk → actions → an action → its keys).
    static let maximumDepth = 64
    /// The largest front matter here is about 30 KB; `glossary.yml` and `site.yml` are smaller.
    static let maximumBytes = 1 << 20

    static func check(_ yaml: String, context: YAMLContext, what: String) throws(Diagnostic) {
        if yaml.utf8.count > maximumBytes {
            throw .error(at: context.location(of: nil), "\(what) is \(yaml.utf8.count / 1024) KB; expected at most \(maximumBytes / 1024) KB of details (put long text in the document's Markdown)")
        }
        if provablyWithinLimits(yaml) { return }
        if let problem = problem(in: yaml, context: context, what: what) { throw problem }
    }

    /// What counting libyaml's events finds beyond the limits, if anything.
    static func problem(in yaml: String, context: YAMLContext, what: String) -> Diagnostic? {
        LibYAMLParser.reading(yaml) { scan(&$0, context: context, what: what) } ?? nil
    }

    /// True when the bytes alone show the text within both limits, so that libyaml need not parse it a second
    /// time (the scan below cost a quarter of all YAML work, on front matter that is almost always well within them):
    ///
    /// - Values: an alias repeats only what an anchor named, so with no anchor nothing is counted twice; and
    ///   libyaml makes at most a couple of values of each byte (`- ` is a list and an empty value), so a text of at
    ///   most a quarter of `maximumExpandedValues` bytes is within it. An anchor is `&` and a name (letters, digits,
    ///   `_` or `-`) where a value may start, so an `&` after a letter or digit ("R&D"), or before a space
    ///   ("1st & 2nd"), is none. The `*` of emphasis in Markdown fields is no matter, since an alias without an
    ///   anchor repeats nothing.
    /// - Depth: flow collections each open with a `[` or `{`. A block collection starts on its line after nothing
    ///   but spaces and the indicators `-`, `?` and `:` (this requires no anchor `&` or tag `!` right after them),
    ///   and each block level sits to the right of the one above it, except a list under a key, which may share
    ///   its column. So block levels are at most twice one more than the longest such run at a line's start.
    static func provablyWithinLimits(_ yaml: String) -> Bool {
        guard yaml.utf8.count <= maximumExpandedValues / 4 else { return false }
        var copy = yaml
        return copy.withUTF8(provablyWithinLimits)
    }

    private static func provablyWithinLimits(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var flowOpenings = 0
        var longestLead = 0
        var lead = 0
        var inLead = true
        var index = 0
        while index < bytes.count {
            // Past a line's lead, only an anchor, a flow opening or a line break changes anything below: the bytes
            // between are passed over with one test each.
            if !inLead {
                // Eight at a time while none of the eight matters, nor is outside ASCII (whose line breaks are
                // looked at byte by byte): a byte at a time, this was 1% of a build's instructions.
                while index + 8 <= bytes.count {
                    let word = ByteWords.load(bytes, at: index)
                    let matters = ByteWords.nonASCII(word) | ByteWords.matching(UInt8(ascii: "&"), in: word)
                        | ByteWords.matching(UInt8(ascii: "["), in: word) | ByteWords.matching(UInt8(ascii: "{"), in: word)
                        | ByteWords.matching(UInt8(ascii: "\n"), in: word) | ByteWords.matching(UInt8(ascii: "\r"), in: word)
                    if matters != 0 { break }
                    index += 8
                }
                while index < bytes.count, !mattersAfterLead(bytes[index]) { index += 1 }
                if index == bytes.count { break }
            }
            defer { index += 1 }
            switch bytes[index] {
            case UInt8(ascii: "&"):
                if inLead || mayNameAnAnchor(bytes, at: index) { return false }
            case UInt8(ascii: "!"):
                // A tag first on its line may stand before a collection; further on it tags a value that opens no
                // block level on that line.
                if inLead { return false }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowOpenings += 1
                inLead = false
            // libyaml also breaks lines at NEL, LS and PS (U+0085, U+2028, U+2029), whose last bytes these are. A
            // byte taken for a line break that is not one only makes the count larger.
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
        return 2 * (longestLead + 1) + flowOpenings < maximumDepth
    }

    /// Whether a byte is `&`, `[`, `{` or one of the line breaks' bytes (`\n`, `\r`, 0x85, 0xA8, 0xA9): a bit of one
    /// of four 64-bit words, one for each quarter of the byte values.
    @inline(__always)
    private static func mattersAfterLead(_ byte: UInt8) -> Bool {
        let word: UInt64
        switch byte >> 6 {
        case 0: word = 1 << 10 | 1 << 13 | 1 << 38        // \n \r &
        case 1: word = 1 << (91 - 64) | 1 << (123 - 64)   // [ {
        case 2: word = 1 << (0x85 - 128) | 1 << (0xA8 - 128) | 1 << (0xA9 - 128)
        default: word = 0
        }
        return (word >> UInt64(byte & 63)) & 1 != 0
    }

    /// Whether the `&` at `index` could begin an anchor: not after a letter or digit, and followed by a character
    /// an anchor's name may hold.
    private static func mayNameAnAnchor(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        if index > bytes.startIndex, isAlphanumeric(bytes[index - 1]) { return false }
        guard index + 1 < bytes.endIndex else { return false }
        let next = bytes[index + 1]
        return isAlphanumeric(next) || next == UInt8(ascii: "_") || next == UInt8(ascii: "-")
    }

    /// One open sequence or mapping: its anchor (to record its size when it closes) and the values counted so far.
    private struct Open {
        var anchor: String?
        var values: Int
    }

    private static func scan(_ parser: inout yaml_parser_t, context: YAMLContext, what: String) -> Diagnostic? {
        var sizeOfAnchor: [String: Int] = [:]
        var open: [Open] = []
        var total = 0
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            let at = context.location(yamlLine: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            var added = 0
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                added = 1
                if let anchor = string(event.data.scalar.anchor) { sizeOfAnchor[anchor] = 1 }
            case YAML_ALIAS_EVENT:
                // An alias to an anchor not yet closed (or never defined) is `YAMLTree`'s to report; count it as one value.
                added = string(event.data.alias.anchor).flatMap { sizeOfAnchor[$0] } ?? 1
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if open.count >= maximumDepth {
                    return .error(at: at, "\(what) nests lists and keys more than \(maximumDepth) levels deep; expected a few levels, such as risks → actions → keys")
                }
                let anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                open.append(Open(anchor: string(anchor), values: 1))
                continue
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { continue }
                if let anchor = closed.anchor { sizeOfAnchor[anchor] = closed.values }
                added = closed.values
            default:
                continue
            }
            // Every count stays at most twice the limit, so the sums cannot overflow.
            if open.isEmpty {
                total += added
            } else {
                open[open.count - 1].values += added
            }
            if total > maximumExpandedValues || (open.last?.values ?? 0) > maximumExpandedValues {
                return .error(at: at, "\(what) would expand to more than \(grouped(maximumExpandedValues)) values, through YAML aliases ('*name') repeating other parts; expected each value written out once")
            }
        }
        return nil
    }

    /// 100000 as "100,000", the way a reader writes it.
    static func grouped(_ number: Int) -> String {
        var digits = Array(String(number))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: index)
            index -= 3
        }
        return String(digits)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
