/// The values the `risk-appendix` template shows for one risk on a page: scores as "L2 × I5 = 10" with the band
/// in words, the gap to target, the update, the controls and the actions table with overdue actions flagged.
struct RiskAppendixContext {
    let matrix: RiskMatrix
    let markdown: MarkdownRenderer

    static func anchor(for risk: Risk) -> String { "risk-" + (Slug.make(risk.id).isEmpty ? "item" : Slug.make(risk.id)) }

    func make(_ risk: Risk, in document: Document, direction: [String: Any]?) -> [String: Any] {
        var scores: [[String: Any]] = []
        if let inherent = risk.inherent { scores.append(scoreContext("Inherent score (before controls)", inherent)) }
        scores.append(scoreContext("Current score", risk.current))
        if let target = risk.target { scores.append(scoreContext("Target score", target)) }

        var context: [String: Any] = [
            "id": risk.id,
            "anchor": RiskAppendixContext.anchor(for: risk),
            "title": risk.title,
            "scores": scores,
            "causes": risk.causes,
            "consequences": risk.consequences,
            "controls": risk.controls.map { ["html": markdown.renderInline($0)] },
            "actions": risk.actions.map { actionContext($0, reportDate: document.date) },
            "heatMap": HeatMapContext.make(
                matrix: matrix,
                entries: [HeatMapContext.Entry(label: risk.id, href: "#" + RiskAppendixContext.anchor(for: risk), score: risk.current,
                                               description: "Risk \(risk.id): \(risk.title), current score \(risk.current.formula)")],
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
        context["overdueCount"] = risk.actions.filter { RiskAppendixContext.isOverdue($0, reportDate: document.date) }.count
        context["gap"] = risk.target.map { gapText(current: risk.current, target: $0) }
        context["direction"] = direction
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
        ]
    }

    /// "L0 × I0: target reached", or how far the current score is above the target.
    func gapText(current: RiskScore, target: RiskScore) -> String {
        let likelihoodGap = current.likelihood - target.likelihood
        let impactGap = current.impact - target.impact
        let scoreGap = current.score - target.score
        let pair = "L\(likelihoodGap) I\(impactGap)"
        return scoreGap <= 0 ? "\(pair), score gap 0: target reached" : "\(pair), score gap \(scoreGap): \(scoreGap) points above target"
    }

    /// Overdue when due before the report's date and not complete: the report itself then shows it late.
    static func isOverdue(_ action: RiskAction, reportDate: ContentDate) -> Bool {
        if action.status?.lowercased() == "complete" { return false }
        if action.status?.lowercased() == "overdue" { return true }
        guard case .date(let due)? = action.due else { return false }
        return due < reportDate
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
        context["overdue"] = RiskAppendixContext.isOverdue(action, reportDate: reportDate)
        return context
    }
}
