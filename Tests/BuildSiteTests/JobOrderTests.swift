import Testing
@testable import BuildSite

/// The render pool takes the open data before the last tenth of the documents; whatever the site's size, every
/// page job must still be taken exactly once, or a page would be missing or made twice.
@Suite("The order pages are made in")
struct JobOrderTests {
    @Test("Every job is taken once, the open data before the last tenth of the documents",
          arguments: [(0, 0, 0), (2, 0, 2), (3, 1, 0), (3, 9, 2), (5, 10, 2), (40, 10_000, 2), (1, 37, 1)])
    func everyJobOnce(siteWide: Int, documents: Int, late: Int) {
        let order = JobOrder(siteWide: siteWide, documents: documents, late: late)
        let jobs = (0..<order.count).map(order.job)
        #expect(jobs.count == siteWide + documents + late)
        #expect(Set(jobs.compactMap { if case .siteWide(let index) = $0 { index } else { nil } }) == Set(0..<siteWide))
        let documentJobs = jobs.compactMap { if case .document(let index) = $0 { index } else { nil } }
        #expect(documentJobs == Array(0..<documents))
        #expect(Set(jobs.compactMap { if case .late(let index) = $0 { index } else { nil } }) == Set(0..<late))
        if late > 0 {
            let firstLate = jobs.firstIndex { if case .late = $0 { true } else { false } } ?? 0
            #expect(jobs[firstLate...].filter { if case .document = $0 { true } else { false } }.count == documents / 10)
        }
    }

    @Test("A rebuild's documents decoded afresh come first, then the rest in the model's order; none or all, no change")
    func decodedDocumentsFirst() {
        #expect(JobOrder.documents(count: 6, first: [5, 2]) == [5, 2, 0, 1, 3, 4])
        #expect(JobOrder.documents(count: 3, first: [0]) == [0, 1, 2])
        #expect(JobOrder.documents(count: 4, first: []) == nil)
        #expect(JobOrder.documents(count: 4, first: [0, 1, 2, 3]) == nil)
        #expect(JobOrder.documents(count: 0, first: []) == nil)
    }
}
