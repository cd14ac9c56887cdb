import Mustache

/// The values the `risk-appendix` template shows for one risk on a page: scores as "L2 × I5 = 10" with the band
/// in words, the gap to target, the direction of travel, the update, the controls and the actions table with
/// overdue actions flagged.
struct RiskAppendixContext: Sendable {
    let matrix: RiskMatrix
    let markdown: MarkdownRenderer
    let heatMap: HeatMapContext
    /// The scores table's row for every score of the matrix under each label, made once per build: each risk of
    /// every appendix, history page and register row has three, and making each afresh (three numbers and two level
    /// words as text) was 1% of a build's samples. Indexed by likelihood, then impact.
    private let scoreRows: [String: [TemplateContext]]

    static let scoreLabels = ["Current score", "Inherent score (before controls)", "Target score", "Inherent score"]

    init(matrix: RiskMatrix, markdown: MarkdownRenderer, heatMap: HeatMapContext) {
        self.matrix = matrix
        self.markdown = markdown
        self.heatMap = heatMap
        var scoreRows: [String: [TemplateContext]] = [:]
        for label in Self.scoreLabels {
            scoreRows[label] = matrix.allCells.map { Self.makeScoreContext(label, $0, matrix: matrix) }
        }
        self.scoreRows = scoreRows
    }

    static func anchor(for risk: Risk) -> String {
        let slug = Slug.make(risk.id)
        return "risk-" + (slug.isEmpty ? "item" : slug)
    }

    /// - Parameters:
    ///   - direction: from `directionContext`, or nil to leave the line out.
    ///   - historyHref: the link to the risk's page of scores over time, when the site has one.
    func make(_ risk: Risk, in document: Document, direction: TemplateContext?, historyHref: String? = nil) -> TemplateContext {
        let current = scoreContext("Current score", risk.current)
        var scores: [TemplateContext] = []
        if let inherent = risk.inherent { scores.append(scoreContext("Inherent score (before controls)", inherent)) }
        scores.append(current)
        if let target = risk.target { scores.append(scoreContext("Target score", target)) }
        let anchor = RiskAppendixContext.anchor(for: risk)

        var context: TemplateContext = [
            "id": .text(risk.id),
            "anchor": .text(anchor),
            "title": .text(risk.title),
            "scores": .objects(scores),
            "current": .object(current),
            "causes": .texts(risk.causes),
            "consequences": .texts(risk.consequences),
            "controls": .objects(risk.controls.map { ["html": .text(markdown.renderInline($0))] }),
            "actions": .objects(risk.actions.map { actionContext($0, reportDate: document.date) }),
            "heatMap": .object(heatMap.make(
                entries: [HeatMapContext.Entry(label: risk.id, href: "#" + anchor, score: risk.current,
                                               description: "risk \(risk.id), \(risk.title): current score \(risk.current.formula)")],
                caption: "Heat map: where risk \(risk.id) sits now, by likelihood and impact")),
        ]
        // Room for the names added below: one move now, not one each time the table fills.
        context.reserveCapacity(32)
        context["statement"] = risk.statement.map(MustacheValue.text)
        context["owner"] = risk.owner.map(MustacheValue.text)
        context["category"] = risk.category.map(MustacheValue.text)
        context["treatment"] = risk.treatment.map { .text($0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst()) }
        context["reviewDate"] = risk.reviewDate.map { .text($0.display) }
        context["updateHTML"] = risk.update.map { .utf8(markdown.render($0).htmlBytes) }
        context["hasCauses"] = .flag(!risk.causes.isEmpty)
        context["hasConsequences"] = .flag(!risk.consequences.isEmpty)
        context["hasControls"] = .flag(!risk.controls.isEmpty)
        context["hasActions"] = .flag(!risk.actions.isEmpty)
        let overdue = risk.overdueActionCount(reportDate: document.date)
        context["overdueCount"] = .number(overdue)
        // Mustache counts 0 as true, so sections test a flag, never a number.
        context["hasOverdue"] = .flag(overdue > 0)
        context["overdueText"] = .text(overdue == 1 ? "1 overdue action" : "\(overdue) overdue actions")
        context["gap"] = risk.target.map { .text(gapText(current: risk.current, target: $0)) }
        context["direction"] = direction.map(MustacheValue.object)
        context["historyHref"] = historyHref.map(MustacheValue.text)
        return context
    }

    func scoreContext(_ label: String, _ score: RiskScore) -> TemplateContext {
        let index = (score.likelihood - 1) * matrix.maxImpact + score.impact - 1
        if score.likelihood >= 1, score.likelihood <= matrix.maxLikelihood, score.impact >= 1, score.impact <= matrix.maxImpact,
           let rows = scoreRows[label], rows.indices.contains(index) {
            return rows[index]
        }
        return Self.makeScoreContext(label, score, matrix: matrix)
    }

    private static func makeScoreContext(_ label: String, _ score: RiskScore, matrix: RiskMatrix) -> TemplateContext {
        let band = matrix.band(for: score)
        return [
            "label": .text(label),
            "formula": .text(score.formula),
            "score": .number(score.score),
            "likelihood": .text("\(score.likelihood) (\(matrix.likelihoodWord(score.likelihood)))"),
            "impact": .text("\(score.impact) (\(matrix.impactWord(score.impact)))"),
            "band": .text(band?.name ?? "No band"),
            "bandSlug": .text(band?.slug ?? "none"),
            "bandTone": .text(matrix.tone(of: band)),
        ]
    }

    /// "0, target reached: …", or how many points the current score is above the target.
    func gapText(current: RiskScore, target: RiskScore) -> String {
        let gap = current.score - target.score
        if gap < 0 { return "0, target reached: the current score \(current.formula) is below the target \(target.formula)" }
        if gap == 0 { return "0, target reached: the current score \(current.formula) is at the target \(target.formula)" }
        return "\(gap) point\(gap == 1 ? "" : "s"): the current score \(current.formula) is above the target \(target.formula)"
    }

    /// The direction of travel in words and a symbol; the symbol is hidden from screen readers, the words say it all.
    /// The template adds "since <previous report> (date)" when there is one.
    static func directionContext(_ direction: RiskRegister.Direction, current: RiskScore, riskID: String, council: String,
                                 previous: RiskRegister.Entry?, previousHref: String?) -> TemplateContext {
        var context: TemplateContext = ["symbol": .text(direction.symbol), "slug": .text(direction.word),
                                        "words": .text(directionWords(direction, current: current))]
        if case .new = direction {
            context["words"] = .text("New: the first report from \(council) to score risk \(riskID)")
        }
        if let previous {
            context["previousTitle"] = .text(previous.document.title)
            context["previousDate"] = .text(previous.document.date.display)
            context["previousHref"] = previousHref.map(MustacheValue.text)
        }
        return context
    }

    /// "Up (worse) from L2 × I5 = 10 to L3 × I5 = 15": the words without the report, for tables.
    static func directionWords(_ direction: RiskRegister.Direction, current: RiskScore) -> String {
        switch direction {
        case .new: "New"
        case .up(let from): "Up (worse) from \(from.formula) to \(current.formula)"
        case .down(let from): "Down (better) from \(from.formula) to \(current.formula)"
        case .unchanged(let from): from == current ? "Unchanged at \(current.formula)" : "Unchanged score, from \(from.formula) to \(current.formula)"
        }
    }

    private func actionContext(_ action: RiskAction, reportDate: ContentDate) -> TemplateContext {
        var context: TemplateContext = ["actionHTML": .text(markdown.renderInline(action.action))]
        context["impactHTML"] = action.impact.map { .text(markdown.renderInline($0)) }
        context["resourcesHTML"] = action.resources.map { .text(markdown.renderInline($0)) }
        context["owner"] = action.owner.map(MustacheValue.text)
        context["due"] = action.due.map { .text($0.display) }
        context["dueISO"] = action.due.flatMap { if case .date(let date) = $0 { .text(date.iso) } else { nil } }
        context["status"] = action.status.map(MustacheValue.text)
        context["statusSlug"] = .text(action.status.map(Slug.make) ?? "none")
        context["overdue"] = .flag(action.isOverdue(reportDate: reportDate))
        return context
    }
}
