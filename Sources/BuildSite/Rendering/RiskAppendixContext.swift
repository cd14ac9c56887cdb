/// The values the `risk-appendix` template shows for one risk on a page: scores as "L2 × I5 = 10" with the band
/// in words, the gap to target, the direction of travel, the update, the controls and the actions table with
/// overdue actions flagged.
struct RiskAppendixContext {
    let matrix: RiskMatrix
    let markdown: MarkdownRenderer
    let heatMap: HeatMapContext

    static func anchor(for risk: Risk) -> String { "risk-" + (Slug.make(risk.id).isEmpty ? "item" : Slug.make(risk.id)) }

    /// - Parameters:
    ///   - direction: from `directionContext`, or nil to leave the line out.
    ///   - historyHref: the link to the risk's page of scores over time, when the site has one.
    func make(_ risk: Risk, in document: Document, direction: [String: Any]?, historyHref: String? = nil) -> [String: Any] {
        var scores: [[String: Any]] = []
        if let inherent = risk.inherent { scores.append(scoreContext("Inherent score (before controls)", inherent)) }
        scores.append(scoreContext("Current score", risk.current))
        if let target = risk.target { scores.append(scoreContext("Target score", target)) }

        var context: [String: Any] = [
            "id": risk.id,
            "anchor": RiskAppendixContext.anchor(for: risk),
            "title": risk.title,
            "scores": scores,
            "current": scoreContext("Current score", risk.current),
            "causes": risk.causes,
            "consequences": risk.consequences,
            "controls": risk.controls.map { ["html": markdown.renderInline($0)] as [String: Any] },
            "actions": risk.actions.map { actionContext($0, reportDate: document.date) },
            "heatMap": heatMap.make(
                entries: [HeatMapContext.Entry(label: risk.id, href: "#" + RiskAppendixContext.anchor(for: risk), score: risk.current,
                                               description: "risk \(risk.id), \(risk.title): current score \(risk.current.formula)")],
                caption: "Heat map: where risk \(risk.id) sits now, by likelihood and impact"),
        ]
        context["statement"] = risk.statement
        context["owner"] = risk.owner
        context["category"] = risk.category
        context["treatment"] = risk.treatment.map { $0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst() }
        context["reviewDate"] = risk.reviewDate?.display
        context["updateHTML"] = risk.update.map { markdown.render($0).html }
        context["hasCauses"] = !risk.causes.isEmpty
        context["hasConsequences"] = !risk.consequences.isEmpty
        context["hasControls"] = !risk.controls.isEmpty
        context["hasActions"] = !risk.actions.isEmpty
        let overdue = risk.overdueActionCount(reportDate: document.date)
        context["overdueCount"] = overdue
        // Mustache counts 0 as true, so sections test a flag, never a number.
        context["hasOverdue"] = overdue > 0
        context["overdueText"] = overdue == 1 ? "1 overdue action" : "\(overdue) overdue actions"
        context["gap"] = risk.target.map { gapText(current: risk.current, target: $0) }
        context["direction"] = direction
        context["historyHref"] = historyHref
        return context
    }

    func scoreContext(_ label: String, _ score: RiskScore) -> [String: Any] {
        let band = matrix.band(for: score)
        return [
            "label": label,
            "formula": score.formula,
            "score": score.score,
            "likelihood": "\(score.likelihood) (\(matrix.likelihoodWord(score.likelihood)))",
            "impact": "\(score.impact) (\(matrix.impactWord(score.impact)))",
            "band": band?.name ?? "No band",
            "bandSlug": band?.slug ?? "none",
            "bandTone": matrix.tone(of: band),
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
                                 previous: RiskRegister.Entry?, previousHref: String?) -> [String: Any] {
        var context: [String: Any] = ["symbol": direction.symbol, "slug": direction.word, "words": directionWords(direction, current: current)]
        if case .new = direction {
            context["words"] = "New: the first report from \(council) to score risk \(riskID)"
        }
        if let previous {
            context["previousTitle"] = previous.document.title
            context["previousDate"] = previous.document.date.display
            context["previousHref"] = previousHref
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

    private func actionContext(_ action: RiskAction, reportDate: ContentDate) -> [String: Any] {
        var context: [String: Any] = ["actionHTML": markdown.renderInline(action.action)]
        context["impactHTML"] = action.impact.map(markdown.renderInline)
        context["resourcesHTML"] = action.resources.map(markdown.renderInline)
        context["owner"] = action.owner
        context["due"] = action.due?.display
        context["dueISO"] = action.due.flatMap { if case .date(let date) = $0 { date.iso } else { nil } }
        context["status"] = action.status
        context["statusSlug"] = action.status.map(Slug.make) ?? "none"
        context["overdue"] = action.isOverdue(reportDate: reportDate)
        return context
    }
}
