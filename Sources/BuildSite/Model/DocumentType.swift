/// The four kinds of document an officer can publish. The raw values are the authors' contract (`type:` in front matter).
public enum DocumentType: String, Sendable, CaseIterable, Hashable, Codable {
    case deepDive = "deep-dive"
    case annualReport = "annual-report"
    case minutes
    case page

    /// The folder under `Content/` that `build-site new` writes to, and the listing page's URL.
    public var folder: String {
        switch self {
        case .deepDive: "deep-dives"
        case .annualReport: "annual-reports"
        case .minutes: "minutes"
        case .page: "pages"
        }
    }

    /// The heading of the listing page and of the home page's section.
    public var pluralName: String {
        switch self {
        case .deepDive: "Risk deep-dives"
        case .annualReport: "Annual reports"
        case .minutes: "Minutes"
        case .page: "Pages"
        }
    }

    /// The label shown above a document's title.
    public var singularName: String {
        switch self {
        case .deepDive: "Risk deep-dive"
        case .annualReport: "Annual report"
        case .minutes: "Minutes"
        case .page: "Page"
        }
    }

    /// Order of the sections on the home page.
    public static let publicationOrder: [DocumentType] = [.deepDive, .annualReport, .minutes]
}
