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

    /// The order documents are rendered in, as places in the model's list: the ones in `first` (in their order),
    /// then the rest; nil for the model's own order, when `first` is all of them or none.
    ///
    /// A rebuild renders the documents whose files changed first: the others' pages are mostly kept, a look at
    /// each file. The one report edited, the oldest in the benchmark and so late in the model's order, was rendered
    /// near the end, on one core, while the other had little left to do; rendered first, it overlaps the other's
    /// checks (0.7 ms of a 31 ms one-edit rebuild at 1,000 reports, in traced runs).
    static func documents(count: Int, first: [Int]) -> [Int]? {
        guard !first.isEmpty, first.count < count else { return nil }
        var isFirst = [Bool](repeating: false, count: count)
        for index in first { isFirst[index] = true }
        return first + (0..<count).filter { !isFirst[$0] }
    }
}
