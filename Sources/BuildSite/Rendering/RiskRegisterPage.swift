import Mustache

/// The council-wide risk register (`risks/index.html`): each risk's latest score, highest first, with a heat map
/// of them all; then every risk of every report; then the open data files and what their columns mean.
extension SiteRenderer {
    static let riskRegisterFolder = "risks/"

    /// The register and a page per risk, or nothing when no report has risks: a job each.
    func riskJobs() -> [PageJob] {
        guard hasRiskRegister else { return [] }
        return [{ [renderRiskRegister()] }] + riskRegister.series.map { series -> PageJob in { [renderRiskHistory(series)] } }
    }

    /// The open data files in two jobs (risks, actions), or none when no report has risks.
    func openDataJobs() -> [PageJob] {
        hasRiskRegister ? OpenDataExport(site: site, register: riskRegister).jobs(reuse: reuse) : []
    }

    func renderRiskRegister() -> OutputFile {
        let folder = SiteRenderer.riskRegisterFolder
        let links = PageLinks(pageFolder: folder)
        let matrix = site.settings.riskMatrix
        let appendix = riskAppendix
        let reports = Set(riskRegister.allEntries.map(\.document.contentPath)).count
        let councils = Set(riskRegister.series.map(\.council)).count
        var context = pageContext(title: "Risk register", folder: folder, links: links,
                                  description: "Every risk in the risk deep-dives on \(site.settings.title), highest score first, with its history and open data.")
        context["breadcrumbs"] = .objects(links.breadcrumbs([("Home", "")]))
        context["hasBreadcrumbs"] = true
        context["summary"] = .text("\(count(riskRegister.series.count, "risk")) from \(count(reports, "report")) of \(count(councils, "council")).")

        // An id shared by two councils is shown with its council in the heat map, so each label says one risk.
        let idCounts = Dictionary(grouping: riskRegister.series, by: \.riskID).mapValues(\.count)
        context["latest"] = .objects(riskRegister.series.enumerated().map { position, series -> TemplateContext in
            let entry = series.latest
            var row = entryContext(entry, links: links, appendix: appendix)
            row["position"] = .number(position + 1)
            row["historyHref"] = .text(links.page(series.folder))
            row["reportCount"] = .text(count(series.entries.count, "report"))
            let direction = RiskRegister.direction(of: entry.risk, in: entry.document, series: series)
            row["directionSymbol"] = .text(direction.symbol)
            row["directionWords"] = .text(RiskAppendixContext.directionWords(direction, current: entry.risk.current))
            return row
        })
        context["heatMap"] = .object(heatMap.make(
            entries: riskRegister.series.map { series in
                let entry = series.latest
                let label = idCounts[series.riskID, default: 0] > 1 ? "\(series.riskID) (\(series.council))" : series.riskID
                return HeatMapContext.Entry(label: label, href: appendixHref(entry, links: links), score: entry.risk.current,
                                            description: "risk \(series.riskID), \(entry.risk.title), \(series.council): current score \(entry.risk.current.formula) in \(entry.document.title)")
            },
            caption: "Heat map of the register: each risk's latest current score, by likelihood and impact"))
        let everyEntry = riskRegister.allEntries.sorted { a, b in
            if a.risk.current.score != b.risk.current.score { return a.risk.current.score > b.risk.current.score }
            if a.document.date != b.document.date { return b.document.date < a.document.date }
            if a.council != b.council || a.risk.id != b.risk.id { return RiskRegister.order(a.council, a.risk.id, b.council, b.risk.id) }
            return a.document.contentPath < b.document.contentPath
        }
        context["entries"] = .objects(everyEntry.map { entry -> TemplateContext in
            var row = entryContext(entry, links: links, appendix: appendix)
            row["historyHref"] = riskRegister.series(of: entry.risk, in: entry.document, settings: site.settings).map { .text(links.page($0.folder)) }
            return row
        })
        context["downloads"] = .objects(OpenDataExport.downloads(links: links))
        context["riskColumns"] = .objects(OpenDataExport.riskColumns(matrix: matrix).map(\.documentation))
        context["actionColumns"] = .objects(OpenDataExport.actionColumns.map(\.documentation))
        return page(folder + "index.html", "register", context)
    }

    /// What the register's and history pages' tables show for one risk in one report.
    func entryContext(_ entry: RiskRegister.Entry, links: PageLinks, appendix: RiskAppendixContext) -> TemplateContext {
        let risk = entry.risk
        var row: TemplateContext = [
            "id": .text(risk.id),
            "title": .text(risk.title),
            "council": .text(entry.council),
            "reportTitle": .text(entry.document.title),
            "reportHref": .text(links.document(entry.document.contentPath)),
            "appendixHref": .text(appendixHref(entry, links: links)),
            "date": .text(entry.document.date.display),
            "dateISO": .text(entry.document.date.iso),
            "current": .object(appendix.scoreContext("Current score", risk.current)),
            "openActions": .number(risk.openActionCount),
            "overdueActions": .number(risk.overdueActionCount(reportDate: entry.document.date)),
            "hasOverdue": .flag(risk.overdueActionCount(reportDate: entry.document.date) > 0),
        ]
        row["target"] = risk.target.map { .object(appendix.scoreContext("Target score", $0)) }
        row["inherent"] = risk.inherent.map { .object(appendix.scoreContext("Inherent score", $0)) }
        row["owner"] = risk.owner.map(MustacheValue.text)
        return row
    }

    /// The risk's own section of its report: `../deep-dives/x/index.html#risk-16`.
    func appendixHref(_ entry: RiskRegister.Entry, links: PageLinks) -> String {
        links.document(entry.document.contentPath, fragment: RiskAppendixContext.anchor(for: entry.risk))
    }

    /// The link from a report's appendix to the risk's history page, and its direction of travel.
    func riskAppendixLinks(_ risk: Risk, in document: Document, links: PageLinks) -> (direction: TemplateContext?, historyHref: String?) {
        // Asked for once: each ask takes the lock of the register made on first use, which every core's deep-dive
        // pages share.
        let register = riskRegister
        // The series is found once, and the previous entry and the direction read from it.
        guard let series = register.series(of: risk, in: document, settings: site.settings) else { return (nil, nil) }
        let previous = RiskRegister.previous(in: series, before: document)
        let direction = previous.map { RiskRegister.direction(from: $0.risk.current, to: risk.current) } ?? .new
        let directionContext = RiskAppendixContext.directionContext(
            direction, current: risk.current, riskID: risk.id,
            council: series.council, previous: previous, previousHref: previous.map { appendixHref($0, links: links) })
        return (directionContext, links.page(series.folder))
    }

    /// "1 risk", "3 reports".
    func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
