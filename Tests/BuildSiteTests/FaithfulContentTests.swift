import Testing
import Foundation
@testable import BuildSite

/// The site is made from five real reports in `../shared/seeds/`; these tests hold the published pages to them.
@Suite("Content is faithful to the source reports", .serialized)
struct FaithfulContentTests {
    static let seeds = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")

    /// Paragraph numbers as the extracted text has them: "6.47", "10.2.1", sometimes behind a stray bullet.
    static func paragraphNumbers(inSeed name: String) throws -> [String] {
        let text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"(?m)^\s*(?:[-•·]\s*)?(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\s"#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// The numbers that start a paragraph on the built page, in order.
    static func paragraphNumbers(onPage html: String) throws -> [String] {
        let pattern = try NSRegularExpression(pattern: #"<p[^>]*>(?:<[^>]+>)*(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?[\s<]"#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
            Range($0.range(at: 1), in: html).map { String(html[$0]) }
        }
    }

    @Test("Every numbered paragraph of the source is on the page, in the source's order",
          .enabled(if: FileManager.default.fileExists(atPath: seeds.path), "the seeds folder ../shared/seeds is beside the repository"),
          arguments: [
              ("003_0c8762579653c330.txt", "Site/deep-dives/2024-03-camden-safeguarding-children/index.html", 59),
              ("004_8ce2fa4625a9484a.txt", "Site/annual-reports/2023-09-islington-child-protection-annual-report/index.html", 138),
          ])
    func paragraphNumbersKept(seed: String, page: String, expectedCount: Int) throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        _ = try site.build()
        let source = try Self.paragraphNumbers(inSeed: seed)
        #expect(source.count == expectedCount)
        #expect(try Self.paragraphNumbers(onPage: site.read(page)) == source)
    }
}
