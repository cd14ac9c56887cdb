/// One published document, validated and typed: what the render stage works from.
public struct Document: Sendable {
    public var type: DocumentType
    public var title: String
    public var date: ContentDate
    public var council: String?
    public var committee: String?
    public var author: String?
    public var summary: String?
    public var tags: [String]
    public var draft: Bool
    /// Content path (without `.md`) of the report these minutes discuss.
    public var discusses: String?
    public var discussesLocation: SourceLocation?
    /// The risk-on-a-page appendix of a deep-dive. A document read back from the last build's cache makes its
    /// risks only when they are first asked for (`MadeOnFirstUse`).
    public var risks: [Risk] {
        get { riskStore.value }
        set {
            riskStore = MadeOnFirstUse(newValue)
            hasRisks = !newValue.isEmpty
        }
    }
    /// Whether `risks` has any, known without making them.
    private(set) var hasRisks: Bool
    private var riskStore: MadeOnFirstUse<[Risk]>
    /// The Markdown body and the file line it starts on (for messages about the text).
    public var body: String = ""
    /// For a document read back from the last build's cache, which leaves `body` empty: reads the body from the
    /// file. A rebuild after an edit to one report reads only the bodies of the pages it renders
    /// (`DocumentBodies`).
    var bodyFromFile: (@Sendable () -> String)?
    public var bodyFirstLine: Int
    /// Path inside the content folder without `.md`; also the page's URL path.
    public var contentPath: String
    public var sourcePath: String

    /// Hashes of the file this document was read from (as the build's fingerprint hashes its bytes, `ChangeHash.hex(of:)`),
    /// and of its front matter alone, so that a rebuild can tell which documents changed, and whether anything other
    /// pages show from them did, without comparing them.
    var sourceHash = ""
    var frontMatterHash = ChangeHash()

    public init(type: DocumentType, title: String, date: ContentDate, council: String? = nil, committee: String? = nil,
                author: String? = nil, summary: String? = nil, tags: [String], draft: Bool, discusses: String? = nil,
                discussesLocation: SourceLocation? = nil, risks: [Risk], body: String = "", bodyFirstLine: Int,
                contentPath: String, sourcePath: String) {
        self.type = type
        self.title = title
        self.date = date
        self.council = council
        self.committee = committee
        self.author = author
        self.summary = summary
        self.tags = tags
        self.draft = draft
        self.discusses = discusses
        self.discussesLocation = discussesLocation
        self.riskStore = MadeOnFirstUse(risks)
        self.hasRisks = !risks.isEmpty
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.contentPath = contentPath
        self.sourcePath = sourcePath
    }

    /// Risks that are there but not made yet: `make` runs the first time they are asked for.
    mutating func setRisks(madeOnFirstUse make: @escaping @Sendable () -> [Risk]) {
        riskStore = MadeOnFirstUse(make)
        hasRisks = true
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

    public static let defaults = SiteSettings(title: "Council reports", publisher: "", baseURL: "/", language: "en-GB",
                                              allowRawHTML: false, riskMatrix: .standard)
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
