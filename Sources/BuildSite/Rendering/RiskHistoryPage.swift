import Mustache

/// A page per risk (`risks/<council-slug>/<id-slug>/index.html`): its score in every report of its council over
/// time, as a table and as an inline SVG chart with a text alternative.
extension SiteRenderer {
    func renderRiskHistory(_ series: RiskRegister.Series) -> OutputFile {
        let links = PageLinks(pageFolder: series.folder)
        let matrix = site.settings.riskMatrix
        let appendix = riskAppendix
        let latest = series.latest
        let title = "Risk \(series.riskID): \(latest.risk.title)"
        var context = pageContext(title: title, folder: series.folder, links: links,
                                  description: "The score of risk \(series.riskID), \(latest.risk.title), in every report of \(series.council).")
        context["breadcrumbs"] = .objects(links.breadcrumbs([("Home", ""), ("Risk register", SiteRenderer.riskRegisterFolder)]))
        context["hasBreadcrumbs"] = true
        context["registerHref"] = .text(links.page(SiteRenderer.riskRegisterFolder))
        context["council"] = .text(series.council)
        context["riskID"] = .text(series.riskID)
        context["statement"] = latest.risk.statement.map(MustacheValue.text)
        context["latest"] = .object(entryContext(latest, links: links, appendix: appendix))
        context["reportCount"] = .text(count(series.entries.count, "report"))
        context["rows"] = .objects(series.entries.map { entry -> TemplateContext in
            var row = entryContext(entry, links: links, appendix: appendix)
            let direction = RiskRegister.direction(of: entry.risk, in: entry.document, series: series)
            row["directionSymbol"] = .text(direction.symbol)
            row["directionWords"] = .text(RiskAppendixContext.directionWords(direction, current: entry.risk.current))
            row["gap"] = entry.risk.target.map { target in
                let gap = entry.risk.current.score - target.score
                return .text(gap <= 0 ? "Gap 0: target reached" : "Gap \(gap)")
            }
            return row
        })
        context["chart"] = .object(RiskHistoryChart(matrix: matrix, entries: series.entries)
            .context(idPrefix: "chart", riskID: series.riskID, council: series.council))
        return page(series.folder + "index.html", "risk-history", context)
    }
}
