/// One published document, validated and typed: what the render stage works from.
///
/// Its fields live in one shared box, copied only when a copy is changed: a build passes documents by value
/// through listings, facets, the register and the open data, and copying twenty fields (a retain each) was 2% of a
/// build's time.
public struct Document: Sendable {
    private var storage: CopyOnWrite<Fields>

    private struct Fields: Sendable {
        var type: DocumentType
        var title: String
        var date: ContentDate
        var council: String?
        var committee: String?
        var author: String?
        var summary: String?
        var tags: [String]
        var draft: Bool
        var discusses: String?
        var discussesLocation: SourceLocation?
        var hasRisks: Bool
        var riskStore: MadeOnFirstUse<[Risk]>
        var body: String
        var bodyFromFile: (@Sendable () -> String)?
        var bodyFirstLine: Int
        var contentPath: String
        var sourcePath: String
        var sourceHash = ""
        var frontMatterHash = ChangeHash()
    }

    public var type: DocumentType {
        get { storage.value.type }
        set { storage.value.type = newValue }
    }
    public var title: String {
        get { storage.value.title }
        set { storage.value.title = newValue }
    }
    public var date: ContentDate {
        get { storage.value.date }
        set { storage.value.date = newValue }
    }
    public var council: String? {
        get { storage.value.council }
        set { storage.value.council = newValue }
    }
    public var committee: String? {
        get { storage.value.committee }
        set { storage.value.committee = newValue }
    }
    public var author: String? {
        get { storage.value.author }
        set { storage.value.author = newValue }
    }
    public var summary: String? {
        get { storage.value.summary }
        set { storage.value.summary = newValue }
    }
    public var tags: [String] {
        get { storage.value.tags }
        set { storage.value.tags = newValue }
    }
    public var draft: Bool {
        get { storage.value.draft }
        set { storage.value.draft = newValue }
    }
    /// Content path (without `.md`) of the report these minutes discuss.
    public var discusses: String? {
        get { storage.value.discusses }
        set { storage.value.discusses = newValue }
    }
    public var discussesLocation: SourceLocation? {
        get { storage.value.discussesLocation }
        set { storage.value.discussesLocation = newValue }
    }
    /// The risk-on-a-page appendix of a deep-dive. A document read back from the last build's cache makes its
    /// risks only when they are first asked for (`MadeOnFirstUse`).
    public var risks: [Risk] {
        get { storage.value.riskStore.value }
        set {
            storage.value.riskStore = MadeOnFirstUse(newValue)
            storage.value.hasRisks = !newValue.isEmpty
        }
    }
    /// Whether `risks` has any, known without making them.
    var hasRisks: Bool { storage.value.hasRisks }
    /// The Markdown body and the file line it starts on (for messages about the text).
    public var body: String {
        get { storage.value.body }
        set { storage.value.body = newValue }
    }
    /// For a document read back from the last build's cache, which leaves `body` empty: reads the body from the
    /// file. A rebuild after an edit to one report reads only the bodies of the pages it renders
    /// (`DocumentBodies`).
    var bodyFromFile: (@Sendable () -> String)? {
        get { storage.value.bodyFromFile }
        set { storage.value.bodyFromFile = newValue }
    }
    public var bodyFirstLine: Int {
        get { storage.value.bodyFirstLine }
        set { storage.value.bodyFirstLine = newValue }
    }
    /// Path inside the content folder without `.md`; also the page's URL path.
    public var contentPath: String {
        get { storage.value.contentPath }
        set { storage.value.contentPath = newValue }
    }
    public var sourcePath: String {
        get { storage.value.sourcePath }
        set { storage.value.sourcePath = newValue }
    }

    /// Hashes of the file this document was read from (as the build's fingerprint hashes its bytes, `ChangeHash.hex(of:)`),
    /// and of its front matter alone, so that a rebuild can tell which documents changed, and whether anything other
    /// pages show from them did, without comparing them.
    var sourceHash: String {
        get { storage.value.sourceHash }
        set { storage.value.sourceHash = newValue }
    }
    var frontMatterHash: ChangeHash {
        get { storage.value.frontMatterHash }
        set { storage.value.frontMatterHash = newValue }
    }

    public init(type: DocumentType, title: String, date: ContentDate, council: String? = nil, committee: String? = nil,
                author: String? = nil, summary: String? = nil, tags: [String], draft: Bool, discusses: String? = nil,
                discussesLocation: SourceLocation? = nil, risks: [Risk], body: String = "", bodyFirstLine: Int,
                contentPath: String, sourcePath: String) {
        storage = CopyOnWrite(Fields(
            type: type, title: title, date: date, council: council, committee: committee, author: author,
            summary: summary, tags: tags, draft: draft, discusses: discusses, discussesLocation: discussesLocation,
            hasRisks: !risks.isEmpty, riskStore: MadeOnFirstUse(risks), body: body, bodyFromFile: nil,
            bodyFirstLine: bodyFirstLine, contentPath: contentPath, sourcePath: sourcePath))
    }

    /// Risks that are there but not made yet: `make` runs the first time they are asked for.
    mutating func setRisks(madeOnFirstUse make: @escaping @Sendable () -> [Risk]) {
        storage.value.riskStore = MadeOnFirstUse(make)
        storage.value.hasRisks = true
    }

    /// `deep-dives/2024-03-camden-safeguarding-children/`: the clean URL, relative to the site root.
    public var urlPath: String { contentPath + "/" }
}

/// The site's settings from `Content/site.yml`.
public struct SiteSettings: Sendable {
    public var title: String
    public var publisher: String
    /// Always ends with `/`, e.g. `https://example.org/reports/`.
    public var baseURL: String
    public var language: String
    /// Raw HTML in Markdown is dropped unless the site opts in with `unsafe_html: true`.
    public var allowRawHTML: Bool
    public var riskMatrix: RiskMatrix
    /// How many of the newest publications `feed.xml` lists (`feed_limit`). A feed reader fetches the whole file
    /// each time it looks for news, so a council with thousands of papers would send it megabytes for a few new
    /// entries; 50 covers months of any council's publishing.
    public var feedLimit: Int

    public static let defaultFeedLimit = 50
    public static let defaults = SiteSettings(title: "Council reports", publisher: "", baseURL: "/", language: "en-GB",
                                              allowRawHTML: false, riskMatrix: .standard, feedLimit: defaultFeedLimit)
}

/// Everything a build publishes, checked and sorted: the render stage's only input.
public struct SiteModel: Sendable {
    public var settings: SiteSettings
    /// Newest first, then by title, so every listing is deterministic.
    public var documents: [Document]
    public var glossary: [String: String]
    public var staticFiles: [String]
    /// Documents marked `draft: true` that this build does not publish (`check` lists them).
    public var draftsLeftOut: [Document] = []

    public func documents(of type: DocumentType) -> [Document] { documents.filter { $0.type == type } }

    public func document(at contentPath: String) -> Document? { documents.first { $0.contentPath == contentPath } }
}
