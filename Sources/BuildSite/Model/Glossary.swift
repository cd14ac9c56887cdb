/// The site's abbreviations from `Content/glossary.yml`, in the order a reader looks them up (A to Z), each with a
/// stable id on the glossary page. Terms are case-sensitive ("DfE" and "DFE" are both listed), so ids that would
/// collide after lower-casing get a number ("term-dfe", "term-dfe-2").
public struct Glossary: Sendable {
    public struct Entry: Sendable, Hashable {
        public var term: String
        public var meaning: String
        /// The id of the term on the glossary page, e.g. "term-cla".
        public var id: String
    }

    public let entries: [Entry]
    private let byTerm: [String: Entry]
    /// True when every term holds an ASCII capital letter as a Character of its own, as abbreviations do ("CLA",
    /// "DfE"): then a word without that byte cannot be a term, and text without an ASCII capital holds none. Terms
    /// are compared as Swift compares Strings (canonical equivalence), so the capital must not carry a combining
    /// mark ("E\u{301}" equals "É", which has no "E" byte) and must not be K (the Kelvin sign U+212A equals "K").
    /// False when any term is all lower-case or otherwise lacks one: then no text and no word is skipped.
    let everyTermHasASCIICapital: Bool
    /// Which ASCII words may be a term, to look up only those.
    let termFilter: TermFilter

    public init(_ meanings: [String: String]) {
        let terms = meanings.keys.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
        var ids = HeadingIDAllocator()
        let entries = terms.map { term in
            Entry(term: term, meaning: meanings[term] ?? "", id: ids.allocate(for: "term " + term))
        }
        self.entries = entries
        self.byTerm = Dictionary(entries.map { ($0.term, $0) }, uniquingKeysWith: { first, _ in first })
        self.termFilter = TermFilter(terms: terms)
        self.everyTermHasASCIICapital = terms.allSatisfy { term in
            term.contains { character in
                character.unicodeScalars.count == 1 && character.unicodeScalars.allSatisfy { $0.isASCII && Glossary.isASCIICapital(UInt8($0.value)) && $0 != "K" }
            }
        }
    }

    /// No abbreviations: for fragments rendered without them. Made once, not for each fragment.
    public static let empty = Glossary([:])

    public var isEmpty: Bool { entries.isEmpty }

    public func entry(for term: String) -> Entry? { byTerm[term] }

    @inline(__always)
    static func isASCIICapital(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }
}
