/// The ways a resident can browse besides by type: by year, council, committee and topic. Each has an index page
/// of its groups (`councils/index.html`) and a listing per group (`councils/london-borough-of-camden/index.html`).
enum BrowseFacet: CaseIterable {
    case year, council, committee, topic

    /// The top folder of the facet's pages; documents may not use these names (see ModelBuilder).
    var folder: String {
        switch self {
        case .year: "years"
        case .council: "councils"
        case .committee: "committees"
        case .topic: "topics"
        }
    }

    /// The index page's heading and the link text to it.
    var title: String {
        switch self {
        case .year: "Publications by year"
        case .council: "Councils"
        case .committee: "Committees"
        case .topic: "Topics"
        }
    }

    var intro: String {
        switch self {
        case .year: "Every year with publications, newest first."
        case .council: "The councils whose reports, deep-dives and minutes are published here."
        case .committee: "The committees the reports were written for, and whose minutes are published here."
        case .topic: "The topics the publications are tagged with."
        }
    }

    /// The heading of one group's listing page.
    func heading(for name: String) -> String {
        switch self {
        case .year: "Published in \(name)"
        case .council, .committee: name
        case .topic: "Topic: \(name)"
        }
    }

    func values(of document: Document) -> [String] {
        switch self {
        case .year: [String(format4: document.date.year)]
        case .council: document.council.map { [$0] } ?? []
        case .committee: document.committee.map { [$0] } ?? []
        case .topic: document.tags
        }
    }

    /// The facet's groups with their documents (newest first, as the site's), years newest first, names A to Z.
    /// Names that differ only in case or punctuation share one group, named as first written.
    func groups(in documents: [Document]) -> [DocumentGroup] {
        var groups: [String: DocumentGroup] = [:]
        for document in documents {
            for value in values(of: document) {
                let slug = Slug.make(value)
                guard !slug.isEmpty else { continue }
                groups[slug, default: DocumentGroup(name: value, slug: slug, documents: [])].documents.append(document)
            }
        }
        let all = Array(groups.values)
        switch self {
        case .year: return all.sorted { $0.name > $1.name }
        default: return all.sorted { ($0.name.lowercased(), $0.slug) < ($1.name.lowercased(), $1.slug) }
        }
    }

    /// The folder of one group's listing, e.g. "topics/safeguarding/".
    func folder(for value: String) -> String? {
        let slug = Slug.make(value)
        return slug.isEmpty ? nil : JoinedText.joined(folder, "/", slug, "/")
    }
}

/// The documents that share a year, council, committee or topic.
struct DocumentGroup {
    var name: String
    var slug: String
    var documents: [Document]
}
