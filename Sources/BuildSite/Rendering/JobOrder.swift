/// The order the render pool takes its jobs in: the site-wide pages first, then the documents, with the open data
/// ("late" jobs) put in before the last tenth of the documents.
///
/// The open data of ten thousand reports is tens of megabytes of rows and text made at once, so it is not made at
/// the start, while the documents' pages add to memory at its peak. Nor is it made last: its two jobs are the
/// longest of the build (the risks' files take about a second), and begun after every document, one core would
/// finish them while the other waited. Before the last tenth, the other core renders documents meanwhile.
struct JobOrder {
    enum Job: Equatable {
        case siteWide(Int)
        case document(Int)
        case late(Int)
    }

    let siteWide: Int
    let documents: Int
    let late: Int

    /// How many documents come after the late jobs.
    var documentsAfterLate: Int { documents / 10 }

    var count: Int { siteWide + documents + late }

    /// The job at `position` of `count`.
    func job(_ position: Int) -> Job {
        if position < siteWide { return .siteWide(position) }
        let afterSiteWide = position - siteWide
        let documentsBeforeLate = documents - documentsAfterLate
        if afterSiteWide < documentsBeforeLate { return .document(afterSiteWide) }
        let afterEarlyDocuments = afterSiteWide - documentsBeforeLate
        if afterEarlyDocuments < late { return .late(afterEarlyDocuments) }
        return .document(documentsBeforeLate + afterEarlyDocuments - late)
    }
}
