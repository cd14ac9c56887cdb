/// The lookups every page needs, worked out once per build: the documents of each type, a document by its content
/// path, and the minutes that discuss a report. Asking the model instead (`site.documents(of:)`, a `filter` over
/// every document) on every page makes a build of N documents cost N², which is minutes at 10,000 reports.
/// Every answer keeps the model's order (newest first), exactly as the filters over `site.documents` did.
public struct SiteIndex: Sendable {
    private let byType: [DocumentType: [Document]]
    private let byContentPath: [String: Document]
    private let minutesByReport: [String: [Document]]

    public init(_ site: SiteModel) {
        var byType: [DocumentType: [Document]] = [:]
        var byContentPath: [String: Document] = [:]
        var minutesByReport: [String: [Document]] = [:]
        byContentPath.reserveCapacity(site.documents.count)
        for document in site.documents {
            byType[document.type, default: []].append(document)
            if byContentPath[document.contentPath] == nil { byContentPath[document.contentPath] = document }
            if let report = document.discusses { minutesByReport[report, default: []].append(document) }
        }
        self.byType = byType
        self.byContentPath = byContentPath
        self.minutesByReport = minutesByReport
    }

    /// The same as `site.documents(of: type)`.
    public func documents(of type: DocumentType) -> [Document] { byType[type] ?? [] }

    /// The same as `site.document(at: contentPath)`: the first document at that path.
    public func document(at contentPath: String) -> Document? { byContentPath[contentPath] }

    /// The same as `site.documents.filter { $0.discusses == contentPath }`: every document that discusses this one.
    public func documents(discussing contentPath: String) -> [Document] { minutesByReport[contentPath] ?? [] }
}
