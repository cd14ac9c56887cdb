/// A likelihood × impact grid as an HTML table: rows from most to least likely, columns from least to most impact,
/// each risk's id in its cell as a link. The band is written in text in every occupied cell, so colour is never
/// the only way to read it.
enum HeatMapContext {
    struct Entry {
        var label: String
        var href: String
        var score: RiskScore
        var description: String
    }

    static func make(matrix: RiskMatrix, entries: [Entry], caption: String) -> [String: Any] {
        let columns = (1...matrix.maxImpact).map { impact in
            ["level": impact, "word": matrix.impactWord(impact)] as [String: Any]
        }
        let rows = (1...matrix.maxLikelihood).reversed().map { likelihood -> [String: Any] in
            let cells = (1...matrix.maxImpact).map { impact -> [String: Any] in
                let score = likelihood * impact
                let here = entries.filter { $0.score.likelihood == likelihood && $0.score.impact == impact }
                var cell: [String: Any] = [
                    "score": score,
                    "band": matrix.band(for: score)?.name ?? "",
                    "bandSlug": matrix.band(for: score)?.slug ?? "none",
                    "risks": here.map { ["label": $0.label, "href": $0.href, "description": $0.description] },
                ]
                cell["occupied"] = !here.isEmpty
                return cell
            }
            return ["level": likelihood, "word": matrix.likelihoodWord(likelihood), "cells": cells]
        }
        let legend = matrix.bands.map { band in
            ["name": band.name, "slug": band.slug, "from": band.scores.lowerBound, "to": band.scores.upperBound] as [String: Any]
        }
        return ["caption": caption, "columns": columns, "rows": rows, "legend": legend]
    }
}
