/// A likelihood × impact grid as an HTML table: rows from most to least likely, columns from least to most impact,
/// each risk's id in its cell as a link to its appendix. Every cell says its band and score in text, so colour is
/// never the only way to read it, on screen, to a screen reader or on a black-and-white printout.
struct HeatMapContext {
    struct Entry {
        /// What the cell shows: the risk id.
        var label: String
        var href: String
        var score: RiskScore
        /// Read by screen readers after the label, so the link says which risk it is: "risk 16, Safeguarding Children".
        var description: String
    }

    /// The grid without risks, made once per build: every deep-dive's appendix has a heat map for each of its risks,
    /// and building each cell of each of them afresh was a sixtieth of a build.
    private let columns: [[String: Any]]
    private let legend: [[String: Any]]
    /// Most likely first; each row's cells by impact, lowest first.
    private let rows: [(likelihood: Int, word: String, cells: [[String: Any]])]

    init(matrix: RiskMatrix) {
        columns = (1...max(1, matrix.maxImpact)).map { impact in
            ["level": impact, "word": matrix.impactWord(impact)] as [String: Any]
        }
        rows = (1...max(1, matrix.maxLikelihood)).reversed().map { likelihood in
            let cells = (1...max(1, matrix.maxImpact)).map { impact -> [String: Any] in
                let cell = RiskScore(likelihood: likelihood, impact: impact)
                let band = matrix.band(for: cell)
                return [
                    "score": cell.score,
                    "band": band?.name ?? "No band",
                    "bandSlug": band?.slug ?? "none",
                    "bandTone": matrix.tone(of: band),
                    "risks": [[String: Any]](),
                    "occupied": false,
                ]
            }
            return (likelihood, matrix.likelihoodWord(likelihood), cells)
        }
        legend = matrix.bands.map { band in
            ["name": band.name, "slug": band.slug, "tone": matrix.tone(of: band), "coverage": band.coverage] as [String: Any]
        }
    }

    /// The grid with each entry in the cell of its score, in the entries' order; an entry outside the matrix is in
    /// no cell.
    func make(entries: [Entry], caption: String) -> [String: Any] {
        var risksByCell: [RiskScore: [[String: Any]]] = [:]
        for entry in entries {
            risksByCell[entry.score, default: []].append(["label": entry.label, "href": entry.href, "description": entry.description])
        }
        let rows = self.rows.map { row -> [String: Any] in
            var cells = row.cells
            for impact in cells.indices {
                if let risks = risksByCell[RiskScore(likelihood: row.likelihood, impact: impact + 1)] {
                    cells[impact]["risks"] = risks
                    cells[impact]["occupied"] = true
                }
            }
            return ["level": row.likelihood, "word": row.word, "cells": cells]
        }
        return ["caption": caption, "columns": columns, "rows": rows, "legend": legend, "riskCount": entries.count]
    }
}
