import Foundation
import Testing
@testable import BuildSite

@Suite("Deterministic: the same input gives a byte-identical site")
struct RobustnessDeterminismTests {
    /// Two separate processes, because Swift seeds its hashing per process: a listing that followed a dictionary's
    /// order would differ between two runs and agree within one.
    @Test("Two builds of the real reports, in two processes, a second apart, write identical bytes")
    func identicalBuilds() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        let first = try BuildSiteCommand.run(["--output", "Site"], in: site.root)
        #expect(first.exitStatus == 0, "\(first.standardError)")
        Thread.sleep(forTimeInterval: 1.1)
        let second = try BuildSiteCommand.run(["--output", "Site2"], in: site.root)
        #expect(second.exitStatus == 0, "\(second.standardError)")

        let one = site.snapshot("Site")
        let two = site.snapshot("Site2")
        #expect(one.count >= 10, "home, listings, five reports and the stylesheet")
        #expect(one.keys.sorted() == two.keys.sorted())
        for (path, bytes) in one where two[path] != bytes {
            Issue.record("Site/\(path) differs between two builds of the same content")
        }

        // Nothing in a page says when it was built.
        let now = Date()
        let iso = ISO8601DateFormatter.string(from: now, timeZone: .current, formatOptions: [.withFullDate])
        let calendar = Calendar(identifier: .gregorian)
        let parts = calendar.dateComponents([.day, .month, .year], from: now)
        let spoken = "\(parts.day!) \(ContentDate.monthNames[parts.month! - 1]) \(parts.year!)"
        for (path, bytes) in one where path.hasSuffix(".html") {
            let page = String(decoding: bytes, as: UTF8.self)
            #expect(!page.contains(iso) && !page.contains(spoken), "Site/\(path) contains today's date")
        }
    }
}
