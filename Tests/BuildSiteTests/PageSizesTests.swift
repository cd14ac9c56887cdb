import Testing
@testable import BuildSite

/// The room a page is rendered into: enough for the template's pages so far, so that a page seldom outgrows it
/// and is copied into larger storage as it is written.
@Suite("Room for a template's next page")
struct PageSizesTests {
    @Test("A short page between long ones leaves room for the next long one, and templates are told apart")
    func roomForTheLargestPageSoFar() {
        let sizes = PageSizes()
        #expect(sizes.room(for: "document") == 4096)
        sizes.record(40_000, for: "document")  // a deep-dive with its risk appendix
        sizes.record(9_000, for: "document")  // an annual report
        #expect(sizes.room(for: "document") >= 40_000)
        #expect(sizes.room(for: "list") == 4096)
        // A page longer than all before it is still given a quarter more than its size.
        sizes.record(60_000, for: "document")
        #expect(sizes.room(for: "document") == 75_000)
    }

    @Test("One very large page does not make every later page of its template ask for as much")
    func largestRoomIsCapped() {
        let sizes = PageSizes()
        sizes.record(4_500_000, for: "register")
        sizes.record(20_000, for: "register")
        #expect(sizes.room(for: "register") == PageSizes.largestRoom)
    }
}
