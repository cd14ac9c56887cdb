/// A likelihood × impact grid as an HTML table: rows from most to least likely, columns from least to most impact,
/// each risk's id in its cell as a link to its appendix. Every cell says its band and score in text, so colour is
/// never the only way to read it, on screen, to a screen reader or on a black-and-white printout.
enum HeatMapContext {
    struct Entry {
        /// What the cell shows: the risk id.
        var label: String
        var href: String
        var score: RiskScore
        /// Read by screen readers after the label, so the link says which risk it is: "risk 16, Safeguarding Children".
        var description: String
    }

    static func make(matrix: RiskMatrix, entries: [Entry], caption: String) -> [String: Any] {
        let columns = (1...max(1, matrix.maxImpact)).map { impact in
            ["level": impact, "word": matrix.impactWord(impact)] as [String: Any]
        }
        let rows = (1...max(1, matrix.maxLikelihood)).reversed().map { likelihood -> [String: Any] in
            let cells = (1...max(1, matrix.maxImpact)).map { impact -> [String: Any] in
                let cell = RiskScore(likelihood: likelihood, impact: impact)
                let band = matrix.band(for: cell)
                let here = entries.filter { $0.score == cell }
                return [
                    "score": cell.score,
                    "band": band?.name ?? "No band",
                    "bandSlug": band?.slug ?? "none",
                    "bandTone": matrix.tone(of: band),
                    "risks": here.map { ["label": $0.label, "href": $0.href, "description": $0.description] as [String: Any] },
                    "occupied": !here.isEmpty,
                ]
            }
            return ["level": likelihood, "word": matrix.likelihoodWord(likelihood), "cells": cells]
        }
        let legend = matrix.bands.map { band in
            ["name": band.name, "slug": band.slug, "tone": matrix.tone(of: band), "coverage": band.coverage] as [String: Any]
        }
        return ["caption": caption, "columns": columns, "rows": rows, "legend": legend, "riskCount": entries.count]
    }
}
