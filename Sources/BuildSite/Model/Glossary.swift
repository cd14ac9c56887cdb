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

    public init(_ meanings: [String: String]) {
        let terms = meanings.keys.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
        var ids = HeadingIDAllocator()
        let entries = terms.map { term in
            Entry(term: term, meaning: meanings[term] ?? "", id: ids.allocate(for: "term " + term))
        }
        self.entries = entries
        self.byTerm = Dictionary(entries.map { ($0.term, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public var isEmpty: Bool { entries.isEmpty }

    public func entry(for term: String) -> Entry? { byTerm[term] }
}
