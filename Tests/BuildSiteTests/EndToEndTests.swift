import Testing
import Foundation
@testable import BuildSite

@Suite("Building the real reports", .serialized)
struct EndToEndTests {
    @Test("Each of the five reports is published with its own words on its own page")
    func buildsTheRealContent() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        let report = try site.build()
        #expect(report.documents == 5)
        #expect(report.warnings.isEmpty, "\(report.warnings)")

        let camden = try site.read("Site/deep-dives/2024-03-camden-safeguarding-children/index.html")
        #expect(camden.contains("Audit and Corporate Governance Committee"))
        #expect(camden.contains("L2 × I5 = 10"))
        #expect(camden.contains("<caption class=\"table__caption\">Actions for risk 16</caption>"))
        #expect(camden.components(separatedBy: "<ol class=\"list list--number controls\">")[1].components(separatedBy: "</ol>")[0]
            .components(separatedBy: "<li>").count - 1 == 21)

        let towerHamlets = try site.read("Site/deep-dives/2018-03-tower-hamlets-childrens-social-care-risk/index.html")
        #expect(towerHamlets.contains("L5 × I5 = 25"))
        #expect(towerHamlets.contains("High"))

        let islington = try site.read("Site/annual-reports/2023-09-islington-child-protection-annual-report/index.html")
        #expect(islington.contains("839 children in need"))
        #expect(islington.contains("September 2023"))

        let auditMinutes = try site.read("Site/minutes/2023-islington-audit-committee-risk-deep-dive-safeguarding/index.html")
        #expect(auditMinutes.contains("620 young people that have left care"))

        let scrutinyMinutes = try site.read("Site/minutes/2016-islington-childrens-scrutiny-child-protection-annual-report/index.html")
        #expect(scrutinyMinutes.contains("abduction notices"))

        let home = try site.read("Site/index.html")
        for title in ["Risk deep-dive: Safeguarding Children", "Child Protection Annual Report"] {
            #expect(home.contains(title))
        }
        #expect(site.exists("Site/assets/site.css"))
    }

    @Test("A bad likelihood fails the build with the file and line, and the old site stays")
    func badLikelihoodFailsTheBuild() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        _ = try site.build()
        let before = try site.read("Site/index.html")

        let path = "Content/deep-dives/2024-03-camden-safeguarding-children.md"
        let original = try site.read(path)
        let lines = original.components(separatedBy: "\n")
        let currentLine = try #require(lines.firstIndex { $0.contains("current:") })
        let broken = original.replacingOccurrences(of: "current: {likelihood: 2", with: "current: {likelihood: 7")
        #expect(broken != original)
        try site.write(path, broken)

        let errors = site.buildErrors()
        let column = lines[currentLine].range(of: "2, impact")!.lowerBound.utf16Offset(in: lines[currentLine]) + 1
        #expect(errors.contains("Content/deep-dives/2024-03-camden-safeguarding-children.md:\(currentLine + 1):\(column): error: likelihood must be 1 to 5, found 7"), "\(errors)")
        #expect(try site.read("Site/index.html") == before)
    }

    @Test("Minutes link to the report they discuss, and the report links back")
    func minutesLinkBothWays() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/annual-reports/2023-report.md", "---\ntype: annual-report\ntitle: Annual report 2023\ndate: 2023-09\n---\n1.1 Text.\n")
        try site.write("Content/minutes/2023-minutes.md", "---\ntype: minutes\ntitle: Minutes\ndate: 2023-10-01\ndiscusses: annual-reports/2023-report\n---\n- Noted.\n")
        _ = try site.build()
        #expect(try site.read("Site/minutes/2023-minutes/index.html").contains("href=\"../../annual-reports/2023-report/index.html\">Annual report 2023</a>"))
        #expect(try site.read("Site/annual-reports/2023-report/index.html").contains("href=\"../../minutes/2023-minutes/index.html\">Minutes</a>"))
    }

    @Test("'discusses' that names no report is an error at its line")
    func discussesNothing() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/minutes/2023-minutes.md", "---\ntype: minutes\ntitle: Minutes\ndate: 2023-10-01\ndiscusses: annual-reports/missing\n---\n")
        #expect(site.buildErrors() == ["Content/minutes/2023-minutes.md:5:12: error: 'discusses' names no report: annual-reports/missing; expected the Content path of a report, without .md"])
    }
}
