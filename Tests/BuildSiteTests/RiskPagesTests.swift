import Testing
import Foundation
@testable import BuildSite

/// The text of an HTML fragment as a reader meets it: tags dropped, entities decoded, white space collapsed.
func visibleText(_ html: String) -> String {
    var text = html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
    for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
        text = text.replacingOccurrences(of: entity, with: character)
    }
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// The part of `html` from the first `start` to the next `end` after it.
func slice(_ html: String, from start: String, to end: String) -> String? {
    guard let lower = html.range(of: start) else { return nil }
    guard let upper = html.range(of: end, range: lower.upperBound..<html.endIndex) else { return nil }
    return String(html[lower.lowerBound..<upper.upperBound])
}

/// Every `href` on a page that points inside the site, resolved against the page's folder.
func internalLinks(_ html: String, pageFolder: String) -> [String] {
    let pattern = try! NSRegularExpression(pattern: "href=\"([^\"#]*)(#[^\"]*)?\"")
    return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
        guard let range = Range(match.range(at: 1), in: html) else { return nil }
        let href = String(html[range])
        guard !href.isEmpty, !href.hasPrefix("http") else { return nil }
        var parts = pageFolder.split(separator: "/").map(String.init)
        for part in href.split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }
}

@Suite("Risk pages: appendix, heat maps, register, history", .serialized)
struct RiskPagesTests {
    @Test("Chart coordinates are written with one decimal exactly as String(format: \"%.1f\") writes them")
    func chartNumbers() {
        var generator = SystemRandomNumberGenerator()
        let tricky: [Double] = [0, -0.0, 0.05, 0.15, 0.25, 25.25, 50.5, 151.5, 246.4, -3.25, 1e15, 640, 999.95]
        for value in tricky + (0..<2_000).map({ _ in Double.random(in: -1_000...1_000, using: &generator) }) {
            #expect(RiskHistoryChart.number(value) == String(format: "%.1f", value), "\(value)")
            // The summary line's seconds, with two.
            #expect(NumberText.fixed(value, places: 2) == String(format: "%.2f", value), "\(value)")
        }
        // Written without printf whenever the rounding is certain: ties, near ties, negative zeros, large and tiny
        // numbers, at every number of places, against printf's own rounding of the exact binary value.
        let edges: [Double] = [0.125, 0.375, 2.675, 1.005, 1.015, 0.045, -0.045, -0.04, -0.05, 0.5, 1.5, 2.5, -2.5, 1e-9,
                               -1e-9, 4_503_599_627.370_496, 4.5e15, 9.9e15, 123_456_789.987_654, .pi, -.pi, 0.000_05, 99.995]
        for value in edges + (0..<5_000).map({ _ in Double.random(in: -100_000...100_000, using: &generator) })
            + (0..<5_000).map({ _ in Double(Int.random(in: -100_000...100_000, using: &generator)) / 1_000 }) {
            for places in 0...5 {
                #expect(NumberText.fixed(value, places: places) == String(format: "%.\(places)f", value), "\(value) to \(places)")
            }
        }
    }

    // MARK: Golden tests on the real reports

    @Test("Golden: Camden's risk 16 is L2 × I5 = 10, Medium, target reached with gap 0, new in the register")
    func camdenRisk16() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        _ = try site.build()
        let page = try site.read("Site/deep-dives/2024-03-camden-safeguarding-children/index.html")
        let scores = try #require(slice(page, from: "<h4 class=\"heading-s\">Scores</h4>", to: "scores over time</a></p>"))
        #expect(visibleText(scores) == """
        Scores Scores for risk 16 (likelihood × impact) Score Likelihood Impact Likelihood × impact Band \
        Current score 2 (Unlikely) 5 (Severe) L2 × I5 = 10 Medium \
        Target score 2 (Unlikely) 5 (Severe) L2 × I5 = 10 Medium \
        Gap to target: 0, target reached: the current score L2 × I5 = 10 is at the target L2 × I5 = 10 \
        Direction of travel: ● New: the first report from London Borough of Camden to score risk 16 \
        Risk 16 in every report: scores over time
        """)
        // The band is in words next to its colour, and the symbol is hidden from screen readers.
        #expect(scores.contains("<td>L2 × I5 = 10</td><td><strong class=\"tag tag--band-medium\">Medium</strong></td>"))
        #expect(scores.contains("<span class=\"risk__direction-symbol\" aria-hidden=\"true\">●</span>"))
        #expect(scores.contains("<a href=\"../../risks/london-borough-of-camden/16/index.html\">"))
        // Both actions are Ongoing and in progress: open, not overdue, and no overdue warning.
        #expect(!page.contains("overdue action"))
        // The appendix heat map: 16 in the cell Likelihood 2 × Impact 5, linked to its appendix.
        let row = try #require(slice(page, from: "<th scope=\"row\">Likelihood 2<br>Unlikely</th>", to: "</tr>"))
        let cells = row.components(separatedBy: "<td ").dropFirst()
        #expect(cells.count == 5)
        #expect(cells.last?.contains("<a href=\"#risk-16\">16<span class=\"visually-hidden\"> – risk 16, Safeguarding Children: current score L2 × I5 = 10</span></a>") == true)
        #expect(cells.last?.contains("<span class=\"heat-map__band\">Medium 10</span>") == true)
        #expect(cells.dropLast().allSatisfy { !$0.contains("<a ") })
    }

    @Test("Golden: Tower Hamlets' risk is L5 × I5 = 25, High, with no target, top of the register")
    func towerHamlets() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        _ = try site.build()
        let page = try site.read("Site/deep-dives/2018-03-tower-hamlets-childrens-social-care-risk/index.html")
        let scores = try #require(slice(page, from: "<h4 class=\"heading-s\">Scores</h4>", to: "scores over time</a></p>"))
        #expect(visibleText(scores) == """
        Scores Scores for risk CSC1 (likelihood × impact) Score Likelihood Impact Likelihood × impact Band \
        Current score 5 (Almost certain) 5 (Severe) L5 × I5 = 25 High \
        Direction of travel: ● New: the first report from London Borough of Tower Hamlets to score risk CSC1 \
        Risk CSC1 in every report: scores over time
        """)
        let row = try #require(slice(page, from: "<th scope=\"row\">Likelihood 5<br>Almost certain</th>", to: "</tr>"))
        #expect(row.contains("<td class=\"heat-map__cell heat-map__cell--high\"><ul class=\"heat-map__risks\"><li><a href=\"#risk-csc1\">CSC1"))

        let register = try site.read("Site/risks/index.html")
        let latest = try #require(slice(register, from: "<h2 class=\"heading-l\" id=\"latest\">", to: "</table>"))
        let rows = latest.components(separatedBy: "<tr>").dropFirst(2).map(visibleText)
        #expect(rows == [
            "1 Risk CSC1: Death or serious harm to a child 1 report London Borough of Tower Hamlets Children's Social Care – Risk Management 29 March 2018 L5 × I5 = 25 High Not set ● New 0",
            "2 Risk 16: Safeguarding Children 1 report London Borough of Camden Risk deep-dive: Safeguarding Children 22 March 2024 L2 × I5 = 10 Medium L2 × I5 = 10 (Medium) ● New 2",
        ])
    }

    @Test("The register, its heat map and the history pages link only to pages that exist, by relative index.html links")
    func registerLinks() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        _ = try site.build()
        let register = try site.read("Site/risks/index.html")
        #expect(register.contains("<a class=\"site-nav__link\" href=\"../risks/index.html\" aria-current=\"true\">Risk register</a>"))
        #expect(try site.read("Site/index.html").contains("<a class=\"site-nav__link\" href=\"risks/index.html\">Risk register</a>"))
        let heatMap = try #require(slice(register, from: "<table class=\"table heat-map__table\">", to: "</table>"))
        #expect(heatMap.contains("<caption class=\"table__caption\">Heat map of the register: each risk&#39;s latest current score, by likelihood and impact</caption>"))
        #expect(heatMap.contains("<a href=\"../deep-dives/2024-03-camden-safeguarding-children/index.html#risk-16\">16<span class=\"visually-hidden\">"))
        #expect(heatMap.contains("<a href=\"../deep-dives/2018-03-tower-hamlets-childrens-social-care-risk/index.html#risk-csc1\">CSC1<span"))

        for (page, folder) in [("Site/risks/index.html", "risks/"),
                               ("Site/risks/london-borough-of-camden/16/index.html", "risks/london-borough-of-camden/16/"),
                               ("Site/risks/london-borough-of-tower-hamlets/csc1/index.html", "risks/london-borough-of-tower-hamlets/csc1/")] {
            let links = internalLinks(try site.read(page), pageFolder: folder)
            #expect(links.count > 5)
            for link in links {
                #expect(link.hasSuffix("index.html") || link.hasSuffix(".csv") || link.hasSuffix(".json") || link.hasSuffix(".css") || link.hasSuffix(".xml"), "\(page): \(link)")
                #expect(site.exists("Site/" + link), "\(page) links to missing \(link)")
            }
        }
    }

    // MARK: Direction of travel across reports (fixture site)

    /// Camden's risk 16 over four reports (20 → 15 → 10 → 15), with risk 7 only in the last two and another
    /// council's risk 16 in between, which must never count as Camden's previous report.
    static func writeHistory(_ site: TemporarySite) throws {
        func report(_ name: String, date: String, council: String, risks: String) throws {
            try site.write("Content/deep-dives/\(name).md", "---\ntype: deep-dive\ntitle: \"Deep-dive \(date)\"\ndate: \(date)\ncouncil: \(council)\nrisks:\n\(risks)---\nBody.\n")
        }
        func risk16(_ likelihood: Int, target: Bool = true) -> String {
            "  - id: \"16\"\n    title: Safeguarding Children\n    current: {likelihood: \(likelihood), impact: 5}\n" + (target ? "    target: {likelihood: 2, impact: 5}\n" : "")
        }
        let risk7 = "  - id: \"7\"\n    title: Budget\n    current: {likelihood: 2, impact: 3}\n    actions:\n      - {action: \"Cut, then spend\", due: 2024-01-31, status: In progress}\n      - {action: Review, due: 2023-01-01, status: Complete}\n"
        try report("2022-camden", date: "2022-03-01", council: "London Borough of Camden", risks: risk16(4))
        try report("2023-camden", date: "2023-03", council: "London Borough of Camden", risks: risk16(3, target: false))
        try report("2023-islington", date: "2023-06-01", council: "London Borough of Islington", risks: risk16(1, target: false))
        try report("2024-camden-march", date: "2024-03-22", council: "London Borough of Camden", risks: risk16(2) + risk7)
        try report("2024-camden-sept", date: "2024-09-01", council: "London Borough of Camden", risks: risk16(3) + risk7)
    }

    @Test("Direction of travel against the council's previous report: down, down, up, unchanged, new")
    func directionOfTravel() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try Self.writeHistory(site)
        _ = try site.build()
        func direction(_ page: String, _ anchor: String) throws -> String {
            let html = try site.read("Site/deep-dives/\(page)/index.html")
            let section = try #require(slice(html, from: "<section class=\"risk\" id=\"\(anchor)\"", to: "</section>"))
            return visibleText(try #require(slice(section, from: "<p class=\"risk__direction", to: "</p>")))
        }
        #expect(try direction("2022-camden", "risk-16") == "Direction of travel: ● New: the first report from London Borough of Camden to score risk 16")
        #expect(try direction("2023-camden", "risk-16") == "Direction of travel: ↓ Down (better) from L4 × I5 = 20 to L3 × I5 = 15 since Deep-dive 2022-03-01 (1 March 2022)")
        // Islington's risk 16 (June 2023, score 5) is another council's risk: Camden's previous is still March 2023.
        #expect(try direction("2024-camden-march", "risk-16") == "Direction of travel: ↓ Down (better) from L3 × I5 = 15 to L2 × I5 = 10 since Deep-dive 2023-03 (March 2023)")
        #expect(try direction("2024-camden-sept", "risk-16") == "Direction of travel: ↑ Up (worse) from L2 × I5 = 10 to L3 × I5 = 15 since Deep-dive 2024-03-22 (22 March 2024)")
        #expect(try direction("2024-camden-sept", "risk-7") == "Direction of travel: → Unchanged at L2 × I3 = 6 since Deep-dive 2024-03-22 (22 March 2024)")
        #expect(try direction("2024-camden-march", "risk-7") == "Direction of travel: ● New: the first report from London Borough of Camden to score risk 7")
        #expect(try direction("2023-islington", "risk-16") == "Direction of travel: ● New: the first report from London Borough of Islington to score risk 16")
        let september = try site.read("Site/deep-dives/2024-camden-sept/index.html")
        #expect(september.contains("since <a href=\"../../deep-dives/2024-camden-march/index.html#risk-16\">Deep-dive 2024-03-22</a>"))
        // Risk 7's first action was due 31 January 2024, before both reports, and is in progress: overdue in words.
        let risk7 = try #require(slice(september, from: "<section class=\"risk\" id=\"risk-7\"", to: "</section>"))
        #expect(risk7.contains("<p class=\"warning-text\"><strong>1 overdue action</strong>: due before this report's date and not complete, or marked overdue.</p>"))
        #expect(risk7.contains("In progress</strong> <strong class=\"tag tag--overdue\">Overdue</strong>"))
        #expect(risk7.components(separatedBy: "tag--overdue").count - 1 == 1)
    }

    @Test("Reports of the same date are not each other's previous report")
    func sameDateIsNotPrevious() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        for (name, likelihood) in [("a", 2), ("b", 4)] {
            try site.write("Content/deep-dives/2024-\(name).md", "---\ntype: deep-dive\ntitle: \(name)\ndate: 2024-03-22\ncouncil: Camden\nrisks:\n  - {id: \"1\", title: One, current: {likelihood: \(likelihood), impact: 1}}\n---\n")
        }
        let (model, _) = try ModelBuilder(options: site.options).build()
        let register = RiskRegister(site: model)
        for document in model.documents {
            #expect(register.direction(of: document.risks[0], in: document, settings: model.settings) == .new)
        }
        #expect(register.series.count == 1)
        #expect(register.series[0].entries.map(\.document.title) == ["a", "b"])
    }

    @Test("The register: latest score per council and id first, highest first; then every risk of every report")
    func registerOrder() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try Self.writeHistory(site)
        _ = try site.build()
        let register = try site.read("Site/risks/index.html")
        #expect(visibleText(try #require(slice(register, from: "<p class=\"lead\">", to: "</p>"))).hasPrefix("3 risks from 5 reports of 2 councils."))
        let latest = try #require(slice(register, from: "id=\"latest\"", to: "</table>"))
        #expect(latest.components(separatedBy: "<tr>").dropFirst(2).map { visibleText($0).components(separatedBy: " London")[0] } == [
            "1 Risk 16: Safeguarding Children 4 reports",   // Camden, latest 15
            "2 Risk 7: Budget 2 reports",                   // Camden, latest 6
            "3 Risk 16: Safeguarding Children 1 report",    // Islington, 5
        ])
        let every = try #require(slice(register, from: "id=\"every-report\"", to: "</table>"))
        let scores = every.components(separatedBy: "<tr>").dropFirst(2).map { row in
            visibleText(row).components(separatedBy: " ").filter { Int($0) != nil }.last ?? ""
        }
        #expect(scores == ["20", "15", "15", "10", "6", "6", "5"])
        // The register's heat map shows the latest score of each: Camden's 16 at L3 × I5, with the council named
        // because Islington has a risk 16 too.
        let heatMap = try #require(slice(register, from: "<table class=\"table heat-map__table\">", to: "</table>"))
        let row3 = try #require(slice(heatMap, from: "Likelihood 3<br>", to: "</tr>"))
        #expect(row3.contains(">16 (London Borough of Camden)<span class=\"visually-hidden\">"))
        #expect(!heatMap.contains("Deep-dive 2022-03-01"))
    }

    @Test("A risk's history page: a table of every report and an accessible SVG chart with a text alternative")
    func historyPage() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try Self.writeHistory(site)
        _ = try site.build()
        let page = try site.read("Site/risks/london-borough-of-camden/16/index.html")
        #expect(page.contains("<h1 class=\"heading-xl\">Risk 16: Safeguarding Children</h1>"))
        let table = try #require(slice(page, from: "<table class=\"table\">", to: "</table>"))
        #expect(table.components(separatedBy: "<tr>").dropFirst(2).map(visibleText) == [
            "Deep-dive 2022-03-01 1 March 2022 L4 × I5 = 20 High L2 × I5 = 10 (Medium) Gap 10 Not given ● New 0",
            "Deep-dive 2023-03 March 2023 L3 × I5 = 15 High Not set Not given ↓ Down (better) from L4 × I5 = 20 to L3 × I5 = 15 0",
            "Deep-dive 2024-03-22 22 March 2024 L2 × I5 = 10 Medium L2 × I5 = 10 (Medium) Gap 0: target reached Not given ↓ Down (better) from L3 × I5 = 15 to L2 × I5 = 10 0",
            "Deep-dive 2024-09-01 1 September 2024 L3 × I5 = 15 High L2 × I5 = 10 (Medium) Gap 5 Not given ↑ Up (worse) from L2 × I5 = 10 to L3 × I5 = 15 0",
        ])
        #expect(!table.contains("Islington"))

        let svg = try #require(slice(page, from: "<svg", to: "</svg>"))
        #expect(svg.contains("role=\"img\" aria-labelledby=\"chart-title chart-desc\""))
        #expect(svg.contains("<title id=\"chart-title\">Line chart: current score of risk 16 (London Borough of Camden) in each report, 0 to 25</title>"))
        #expect(svg.contains("<desc id=\"chart-desc\">Current score in each report, oldest first. 1 March 2022: 20 (High), target 10; March 2023: 15 (High); 22 March 2024: 10 (Medium), target 10; 1 September 2024: 15 (High), target 10. The table below gives the same figures.</desc>"))
        // Four points, each with its score written above it, and the bands named in text, not colour alone.
        #expect(svg.components(separatedBy: "<circle ").count - 1 == 4)
        let values = svg.components(separatedBy: "class=\"risk-chart__value\"").dropFirst().map { $0.components(separatedBy: ">")[1].components(separatedBy: "<")[0] }
        #expect(values == ["20", "15", "10", "15"])
        for label in ["Low 1–4", "Medium 5–12", "High 15–25"] { #expect(svg.contains(">\(label)</text>")) }
        #expect(svg.contains(">Mar 2022</text>") && svg.contains(">Sep 2024</text>"))
        // Higher scores sit higher: the y of the 20 point is above (smaller than) the y of the 10 point.
        let ys = svg.components(separatedBy: "<circle ").dropFirst().compactMap { Double(slice($0, from: "cy=\"", to: "\"")?.dropFirst(4).dropLast() ?? "") }
        #expect(ys.count == 4 && ys[0] < ys[1] && ys[1] < ys[2] && ys[3] == ys[1])
        // Three targets given (one report has none): three squares on a dashed line.
        #expect(svg.components(separatedBy: "class=\"risk-chart__target\"").count - 1 == 3)
        #expect(svg.contains("stroke-dasharray=\"6 4\""))
    }

    @Test("Values from content are escaped on the register and history pages")
    func escaping() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let hostile = "<script>alert(1)</script>\\\"&"
        try site.write("Content/deep-dives/2024-h.md", """
        ---
        type: deep-dive
        title: "T \(hostile)"
        date: 2024-01-01
        council: "C \(hostile)"
        risks:
          - id: "I \(hostile)"
            title: "R \(hostile)"
            statement: "S \(hostile)"
            owner: "O \(hostile)"
            current: {likelihood: 1, impact: 1}
        ---
        """)
        _ = try site.build()
        let folder = "risks/c-script-alert-1-script/i-script-alert-1-script/"
        for path in ["Site/risks/index.html", "Site/\(folder)index.html", "Site/deep-dives/2024-h/index.html"] {
            let html = try site.read(path)
            #expect(!html.contains("<script>"), "\(path)")
            #expect(html.contains("R &lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;"), "\(path)")
        }
    }

    @Test("No risks, no register: no page, no navigation entry, no data files")
    func noRisksNoRegister() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/annual-reports/2023-r.md", "---\ntype: annual-report\ntitle: R\ndate: 2023-09\n---\nText.\n")
        _ = try site.build()
        #expect(!site.exists("Site/risks/index.html"))
        #expect(!site.exists("Site/risks.csv"))
        #expect(!(try site.read("Site/index.html")).contains("Risk register"))
    }
}
