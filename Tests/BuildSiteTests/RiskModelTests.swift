import Testing
import Foundation
@testable import BuildSite

/// Bands, direction of travel and the validation of `risks:` and `risk_matrix:`, each error at its file:line:col.
@Suite("Risk scoring and validation")
struct RiskModelTests {
    @Test("An action's status is the first of the matrix's statuses equal to it ignoring case, written exactly or not")
    func actionStatusWords() {
        let statuses = RiskDecoder.ActionStatuses(["Not started", "Done", "done", "Complete"])
        #expect(statuses.status(for: "Complete") == "Complete")
        #expect(statuses.status(for: "COMPLETE") == "Complete")
        #expect(statuses.status(for: "done") == "Done")
        #expect(statuses.status(for: "DONE") == "Done")
        #expect(statuses.status(for: "Finished") == nil)
    }

    // MARK: Bands

    @Test("An action is complete or overdue by its status in any case; statuses outside ASCII are lower-cased as a whole")
    func closingAndOverdueStatuses() {
        let statuses = ["Complete", "COMPLETED", "closed", "DoNe", "Done ", "Complet", "Completes", "Overdue", "OVERDUE", "Over due", "",
                        "Completé", "ＣＯＭＰＬＥＴＥ", "Clo\u{17F}ed", "Clo\u{301}sed", "DONE\u{0}", "In progress"]
        let location = SourceLocation(path: "x.md")
        func action(_ status: String) -> RiskAction {
            RiskAction(action: "Act", impact: nil, resources: nil, owner: nil, due: .ongoing, status: status, location: location)
        }
        let reportDate = ContentDate(year: 2024, month: 1, day: 1)
        for status in statuses {
            #expect(action(status).isComplete == RiskAction.closingStatuses.contains(status.lowercased()), "\(status.debugDescription)")
            #expect(action(status).isOverdue(reportDate: reportDate) == (!action(status).isComplete && status.lowercased() == "overdue"), "\(status.debugDescription)")
        }
        let risk = Risk(id: "R1", title: "Risk", statement: nil, causes: [], consequences: [], owner: nil, category: nil, inherent: nil,
                        current: RiskScore(likelihood: 1, impact: 1), target: nil, reviewDate: nil, treatment: nil, update: nil, controls: [],
                        actions: ["Done", "Open", "OVERDUE", "Complete"].map(action), location: location)
        #expect(risk.openActionCount == 2)
        #expect(risk.overdueActionCount(reportDate: reportDate) == 1)
        // The answers are worked out when the status is set, and again whenever it changes.
        var changed = action("Open")
        for (status, complete, overdue) in [("Done", true, false), ("Overdue", false, true), (nil, false, false), ("closed", true, false)] {
            changed.status = status
            #expect(changed.isComplete == complete && changed.isOverdue(reportDate: reportDate) == overdue, "\(status.debugDescription)")
        }
    }

    @Test("The default bands: Low 1–4, Medium 5–12, High 15–25, by likelihood × impact")
    func defaultBands() {
        let matrix = RiskMatrix.standard
        let band = { (l: Int, i: Int) in matrix.band(for: RiskScore(likelihood: l, impact: i))?.name }
        #expect(band(1, 1) == "Low")
        #expect(band(2, 2) == "Low")
        #expect(band(1, 5) == "Medium")
        #expect(band(2, 5) == "Medium")   // Camden's risk 16: L2 × I5 = 10
        #expect(band(3, 4) == "Medium")
        #expect(band(3, 5) == "High")
        #expect(band(5, 5) == "High")     // Tower Hamlets: L5 × I5 = 25
        #expect(matrix.tone(of: matrix.band(for: 25)) == "high")
        #expect(matrix.tone(of: matrix.band(for: 10)) == "medium")
    }

    @Test("A council's own matrix from site.yml: level words, bands by score and bands by cell")
    func customMatrixFromSiteSettings() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/site.yml", """
        title: Test reports
        risk_matrix:
          likelihood: [Remote, Possible, Probable, Highly probable]
          impact: [Low, Medium, High, Critical]
          bands:
            - {name: Green, from: 1, to: 3}
            - {name: Amber, from: 4, to: 8}
            - name: Red
              cells: [[3, 3], [3, 4], [4, 3], [4, 4], [2, 4]]
          statuses: [Open, Closed]
        """)
        let (model, warnings) = try ModelBuilder(options: site.options).build()
        #expect(warnings.isEmpty, "\(warnings)")
        let matrix = model.settings.riskMatrix
        #expect(matrix.maxLikelihood == 4 && matrix.maxImpact == 4)
        #expect(matrix.likelihoodWord(4) == "Highly probable")
        #expect(matrix.band(for: RiskScore(likelihood: 1, impact: 3))?.name == "Green")
        // L2 × I4 = 8 is Red by its cell, though 8 is in Amber's scores; L4 × I2 = 8 stays Amber.
        #expect(matrix.band(for: RiskScore(likelihood: 2, impact: 4))?.name == "Red")
        #expect(matrix.band(for: RiskScore(likelihood: 4, impact: 2))?.name == "Amber")
        #expect(matrix.band(for: RiskScore(likelihood: 3, impact: 3))?.name == "Red")
        #expect(matrix.bands.map { matrix.tone(of: $0) } == ["low", "medium", "high"])
        #expect(matrix.statuses == ["Open", "Closed"])
    }

    @Test("Bands by cell show on the heat map in words, cell by cell")
    func cellBandsOnTheHeatMap() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/site.yml", """
        title: Test reports
        risk_matrix:
          likelihood: [Rare, Likely]
          impact: [Minor, Major]
          bands:
            - {name: Tolerable, cells: [[1, 1], [2, 1]]}
            - {name: Intolerable, cells: [[1, 2], [2, 2]]}
        """)
        try site.write("Content/deep-dives/2024-r.md", "---\ntype: deep-dive\ntitle: R\ndate: 2024-01-01\nrisks:\n  - {id: A, title: Alpha, current: {likelihood: 1, impact: 2}}\n---\n")
        _ = try site.build()
        let page = try site.read("Site/deep-dives/2024-r/index.html")
        let heatMap = try #require(page.components(separatedBy: "<table class=\"table heat-map__table\">").dropFirst().first)
        // The top row is likelihood 2: cells for impact 1 and 2.
        #expect(heatMap.contains("<span class=\"heat-map__band\">Tolerable 2</span>"))
        #expect(heatMap.contains("<span class=\"heat-map__band\">Intolerable 4</span>"))
        #expect(heatMap.contains("<a href=\"#risk-a\">A<span class=\"visually-hidden\"> – risk A, Alpha: current score L1 × I2 = 2</span></a></li></ul><span class=\"heat-map__band\">Intolerable 2</span>"))
        #expect(page.contains("<td>L1 × I2 = 2</td><td><strong class=\"tag tag--band-high\">Intolerable</strong></td>"))
    }

    @Test("Wrong bands in site.yml are errors where they are written; a cell in no band is a warning")
    func bandErrors() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/site.yml", """
        title: Test reports
        risk_matrix:
          bands:
            - {name: Low, from: 1, to: 6}
            - {name: Medium, from: 5, to: 12}
            - {name: High, cells: [[5, 5], [6, 1], [4]]}
            - {name: Odd, from: 9, to: 3}
        """)
        #expect(site.buildErrors() == [
            // With Medium and High refused, most cells are in no band, which is worth a warning of its own.
            "Content/site.yml:4:5: warning: no band covers L2 × I4 = 8 (and 11 more cells); expected every cell of the matrix in a band, or it takes the band below",
            "Content/site.yml:5:28: error: band 'Medium' overlaps band 'Low'; expected each score in one band",
            "Content/site.yml:6:36: error: each cell of band 'High' must be [likelihood, impact] within the 5 × 5 matrix, e.g. [4, 5]; found a list",
            "Content/site.yml:6:44: error: each cell of band 'High' must be [likelihood, impact] within the 5 × 5 matrix, e.g. [4, 5]; found a list",
            "Content/site.yml:7:32: error: band 'Odd' ends (3) before it starts (9); expected from ≤ to",
        ])

        try site.write("Content/site.yml", "title: T\nrisk_matrix:\n  bands:\n    - {name: Low, from: 1, to: 4}\n    - {name: High, from: 6, to: 25}\n")
        let (_, warnings) = try ModelBuilder(options: site.options).build()
        #expect(warnings.map { $0.description.replacingOccurrences(of: site.root.path + "/", with: "") } == [
            "Content/site.yml:4:5: warning: no band covers L1 × I5 = 5 (and 1 more cells); expected every cell of the matrix in a band, or it takes the band below",
        ])
    }

    // MARK: Direction of travel

    @Test("Direction of travel compares scores: higher is up, lower is down, equal is unchanged")
    func directionLogic() {
        let score = { (l: Int, i: Int) in RiskScore(likelihood: l, impact: i) }
        #expect(RiskRegister.direction(from: score(2, 5), to: score(3, 5)) == .up(from: score(2, 5)))
        #expect(RiskRegister.direction(from: score(3, 5), to: score(2, 5)) == .down(from: score(3, 5)))
        #expect(RiskRegister.direction(from: score(2, 5), to: score(2, 5)) == .unchanged(from: score(2, 5)))
        // L and I swapped: the same score, so unchanged.
        #expect(RiskRegister.direction(from: score(5, 2), to: score(2, 5)).word == "unchanged")
        #expect(RiskAppendixContext.directionWords(.up(from: score(2, 5)), current: score(3, 5)) == "Up (worse) from L2 × I5 = 10 to L3 × I5 = 15")
        #expect(RiskAppendixContext.directionWords(.down(from: score(3, 5)), current: score(2, 5)) == "Down (better) from L3 × I5 = 15 to L2 × I5 = 10")
        #expect(RiskAppendixContext.directionWords(.unchanged(from: score(2, 5)), current: score(2, 5)) == "Unchanged at L2 × I5 = 10")
        #expect(RiskRegister.Direction.up(from: score(1, 1)).symbol == "↑")
        #expect(RiskRegister.Direction.down(from: score(1, 1)).symbol == "↓")
    }

    @Test("The gap to target says the points above target, or that the target is reached")
    func gapToTarget() {
        let appendix = RiskAppendixContext(matrix: .standard, markdown: MarkdownRenderer(allowRawHTML: false), heatMap: HeatMapContext(matrix: .standard))
        let score = { (l: Int, i: Int) in RiskScore(likelihood: l, impact: i) }
        #expect(appendix.gapText(current: score(2, 5), target: score(2, 5)) == "0, target reached: the current score L2 × I5 = 10 is at the target L2 × I5 = 10")
        #expect(appendix.gapText(current: score(3, 5), target: score(2, 5)) == "5 points: the current score L3 × I5 = 15 is above the target L2 × I5 = 10")
        #expect(appendix.gapText(current: score(1, 5), target: score(2, 5)).hasPrefix("0, target reached"))
    }

    // MARK: Validation of risks

    @Test("Likelihood and impact outside the council's matrix are errors at the value")
    func levelsOutsideTheMatrix() {
        var matrix = RiskMatrix.standard
        matrix.likelihoodLevels = ["Low", "Medium", "High"]
        matrix.impactLevels = ["Low", "Medium", "High", "Very high"]
        let (document, diagnostics) = decode("""
        ---
        type: deep-dive
        title: Risks
        date: 2024-03-22
        risks:
          - id: R1
            title: One
            current: {likelihood: 4, impact: 4}
            target: {likelihood: 0, impact: 5}
            inherent: {likelihood: two, impact: 1}
        ---
        """, matrix: matrix)
        #expect(document == nil)
        #expect(diagnostics == [
            "Content/deep-dives/test.md:8:27: error: likelihood must be 1 to 3, found 4",
            "Content/deep-dives/test.md:9:26: error: likelihood must be 1 to 3, found 0",
            "Content/deep-dives/test.md:9:37: error: impact must be 1 to 4, found 5",
            "Content/deep-dives/test.md:10:28: error: likelihood must be 1 to 3, found two",
        ])
    }

    @Test("Statuses are the council's own list; a due date must be a real date or Ongoing")
    func statusesAndDueDates() {
        var matrix = RiskMatrix.standard
        matrix.statuses = ["Open", "Closed"]
        let (_, diagnostics) = decode("""
        ---
        type: deep-dive
        title: Risks
        date: 2024-03-22
        risks:
          - id: R1
            title: One
            current: {likelihood: 1, impact: 1}
            actions:
              - {action: A, due: 2024-02-30, status: open}
              - {action: B, due: ongoing, status: In progress}
              - {action: C, due: 2024-06, status: Closed}
        ---
        """, matrix: matrix)
        #expect(diagnostics == [
            "Content/deep-dives/test.md:10:26: error: due must be a date written YYYY-MM-DD or the word Ongoing; found \"2024-02-30\"",
            "Content/deep-dives/test.md:11:43: error: unknown status \"In progress\"; expected one of: Open, Closed",
            "Content/deep-dives/test.md:12:26: error: due must be a date written YYYY-MM-DD or the word Ongoing; found \"2024-06\"",
        ])
    }

    @Test("A duplicate id, a bad treatment and a worse target are reported through the build, with locations")
    func validationThroughTheBuild() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/deep-dives/2024-risks.md", """
        ---
        type: deep-dive
        title: Risks
        date: 2024-03-22
        risks:
          - id: "16"
            title: One
            current: {likelihood: 2, impact: 5}
            target: {likelihood: 3, impact: 5}
            treatment: accept
          - id: "16"
            title: Two
            current: {likelihood: 1, impact: 1}
        ---
        """)
        #expect(site.buildErrors() == [
            "Content/deep-dives/2024-risks.md:9:13: warning: the target score L3 × I5 = 15 is worse than the current score L2 × I5 = 10; expected a target at or below the current score",
            "Content/deep-dives/2024-risks.md:10:16: error: treatment must be one of treat, tolerate, transfer, terminate; found \"accept\"",
            "Content/deep-dives/2024-risks.md:11:9: error: risk id '16' is used twice in this report (first at line 6); expected each risk id once",
        ])
        #expect(!site.exists("Site"))
    }

    @Test("The same risk id in two councils' reports is two risks, not one")
    func idsAreUniqueOnlyWithinACouncil() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/deep-dives/2023-a.md", "---\ntype: deep-dive\ntitle: A\ndate: 2023-01-01\ncouncil: Camden\nrisks:\n  - {id: \"1\", title: Alpha, current: {likelihood: 2, impact: 2}}\n---\n")
        try site.write("Content/deep-dives/2024-b.md", "---\ntype: deep-dive\ntitle: B\ndate: 2024-01-01\ncouncil: Islington\nrisks:\n  - {id: \"1\", title: Beta, current: {likelihood: 4, impact: 4}}\n---\n")
        let (model, _) = try ModelBuilder(options: site.options).build()
        let register = RiskRegister(site: model)
        #expect(register.series.map(\.folder) == ["risks/islington/1/", "risks/camden/1/"])
        let islington = try #require(model.documents.first { $0.council == "Islington" })
        #expect(register.direction(of: islington.risks[0], in: islington, settings: model.settings) == .new)
    }

    @Test("The previous report of a risk is the latest one dated before it, with reports of the same date not previous to each other")
    func previousReportByDate() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        // Reports on twelve dates, some shared, one a month only: the register orders them oldest first.
        let dates = ["2019", "2020-03", "2020-03-01", "2020-03-01", "2020-05-02", "2021-01-01", "2021-01-01", "2021-01-01",
                     "2022-07-09", "2023-11-30", "2024-02-29", "2024-03-01"]
        for (index, date) in dates.enumerated() {
            try site.write("Content/deep-dives/r\(index).md", "---\ntype: deep-dive\ntitle: R\(index)\ndate: \(date)\ncouncil: Camden\nrisks:\n  - {id: \"7\", title: Seven, current: {likelihood: \(1 + index % 5), impact: 2}}\n---\n")
        }
        let (model, _) = try ModelBuilder(options: site.options).build()
        let register = RiskRegister(site: model)
        let series = try #require(register.series.first)
        #expect(series.entries.count == dates.count)
        for document in model.documents {
            let expected = series.entries.last { $0.document.date < document.date }
            let found = register.previous(of: document.risks[0], in: document, settings: model.settings)
            #expect(found?.document.contentPath == expected?.document.contentPath, "\(document.contentPath)")
            #expect((found == nil) == !dates.compactMap(ContentDate.init(iso:)).contains { $0 < document.date })
        }
    }
}
