import Foundation
import Testing
@testable import BuildSite

/// A rebuild reads documents and risks back from `.Site.documents` instead of parsing their files. Should a read-back
/// risk fail to decode, the file is parsed again, which hides the failure from every page: so the read-back values are
/// compared here with the parsed ones directly.
@Suite("Documents and risks read back from the cache are the ones parsed")
struct DocumentCacheCodingTests {
    func parsed(_ relativePath: String) throws -> Document {
        let loader = ContentLoader(contentDirectory: repositoryRoot.appendingPathComponent("Content"), displayName: "Content")
        let file = try loader.read(FoundDocument(relativePath: relativePath, displayPath: "Content/" + relativePath)).get()
        let settings = try String(contentsOf: repositoryRoot.appendingPathComponent("Content/site.yml"), encoding: .utf8)
        let matrix = SiteSettingsDecoder.decode(SourceFile(displayPath: "Content/site.yml", contentPath: "site", text: settings)).0.riskMatrix
        return try #require(DocumentDecoder(matrix: matrix).decode(file).0)
    }

    @Test("Every real report, and every risk and action of the deep-dives, reads back as parsed", arguments: [
        "deep-dives/2024-03-camden-safeguarding-children.md",
        "deep-dives/2018-03-tower-hamlets-childrens-social-care-risk.md",
        "annual-reports/2023-09-islington-child-protection-annual-report.md",
        "minutes/2023-islington-audit-committee-risk-deep-dive-safeguarding.md",
    ])
    func roundTrip(relativePath: String) throws {
        let document = try parsed(relativePath)
        let risks = try Document.risks(decoding: Document.encodedRisks(document.risks), sourcePath: document.sourcePath)
        #expect(risks.count == document.risks.count)
        for (readBack, original) in zip(risks, document.risks) {
            #expect(String(describing: readBack) == String(describing: original))
        }
        var readBack = try Self.readBack(document)
        readBack.body = document.body
        readBack.sourceHash = document.sourceHash
        readBack.frontMatterHash = document.frontMatterHash
        readBack.risks = document.risks
        #expect(String(describing: readBack) == String(describing: document))
    }

    @Test("A risk with every optional part missing, and one with all of them, read back as they were")
    func optionalParts() throws {
        let location = SourceLocation(path: "x.md", line: 3, column: 5)
        let bare = Risk(id: "R1", title: "Bare", statement: nil, causes: [], consequences: [], owner: nil, category: nil,
                        inherent: nil, current: RiskScore(likelihood: 2, impact: 3), target: nil, reviewDate: nil, treatment: nil,
                        update: nil, controls: [], actions: [], location: location)
        let full = Risk(id: "R2", title: "Full", statement: "There is a risk that…", causes: ["a", "b"], consequences: ["c"],
                        owner: "Director", category: "Safeguarding", inherent: RiskScore(likelihood: 5, impact: 5),
                        current: RiskScore(likelihood: 4, impact: 4), target: RiskScore(likelihood: 1, impact: 2),
                        reviewDate: ContentDate(iso: "2024-06-30"), treatment: RiskTreatment.allCases.first, update: "*Better*",
                        controls: ["Training", "Audit"],
                        actions: [RiskAction(action: "Recruit", impact: "More staff", resources: "£10k", owner: "HR",
                                             due: .date(try #require(ContentDate(iso: "2024-09-01"))), status: "On track", location: location),
                                  RiskAction(action: "Review", impact: nil, resources: nil, owner: nil, due: .ongoing, status: nil, location: location)],
                        location: location)
        let readBack = try Document.risks(decoding: Document.encodedRisks([bare, full]), sourcePath: "x.md")
        #expect(readBack.map { String(describing: $0) } == [bare, full].map { String(describing: $0) })
    }

    /// The document as `DocumentCache` writes and reads it (without its risks, body and hashes).
    static func readBack(_ document: Document) throws -> Document {
        var writer = CacheBytes.Writer()
        document.write(to: &writer)
        var reader = CacheBytes.Reader(writer.data)
        let readBack = try Document(reading: &reader)
        #expect(reader.isAtEnd)
        return readBack
    }

    @Test("Bytes cut short or changed fail to decode, or decode to values of the same kinds; they never crash")
    func damagedBytes() throws {
        let document = try parsed("deep-dives/2024-03-camden-safeguarding-children.md")
        let risks = Document.encodedRisks(document.risks)
        for length in 0..<risks.count {
            #expect(throws: CacheBytes.Damage.self) { try Document.risks(decoding: risks.prefix(length), sourcePath: "x.md") }
        }
        #expect(throws: CacheBytes.Damage.self) { try Document.risks(decoding: risks + [0], sourcePath: "x.md") }
        // A huge count with no bytes behind it is refused before any room is reserved for it.
        #expect(throws: CacheBytes.Damage.self) { try Document.risks(decoding: Data([0xFF, 0xFF, 0xFF, 0xFF, 0x0F]), sourcePath: "x.md") }
        var generator = YAMLTreeTests.SeededGenerator(state: 9)
        for _ in 0..<2000 {
            var damaged = [UInt8](risks)
            for _ in 0...Int.random(in: 0...3, using: &generator) {
                damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            _ = try? Document.risks(decoding: Data(damaged), sourcePath: "x.md")
        }
    }

    @Test("Numbers of every size and sign, and texts of every length, read back as written")
    func numbersAndTexts() throws {
        let numbers = [0, 1, -1, 63, -64, 64, 127, 128, -129, 300, Int(Int32.max), Int.max, Int.min]
        let texts = ["", "a", String(repeating: "é", count: 100), String(repeating: "x", count: 70_000)]
        var writer = CacheBytes.Writer()
        for number in numbers { writer.write(number) }
        writer.write(texts)
        writer.write(nil as String?)
        writer.write("£" as String?)
        var reader = CacheBytes.Reader(writer.data)
        #expect(try numbers.map { _ in try reader.int() } == numbers)
        #expect(try reader.texts() == texts)
        #expect(try reader.optionalText() == nil)
        #expect(try reader.optionalText() == "£")
        #expect(reader.isAtEnd)
    }
}
