import Mustache

/// A likelihood × impact grid as an HTML table: rows from most to least likely, columns from least to most impact,
/// each risk's id in its cell as a link to its appendix. Every cell says its band and score in text, so colour is
/// never the only way to read it, on screen, to a screen reader or on a black-and-white printout.
struct HeatMapContext: Sendable {
    struct Entry: Sendable {
        /// What the cell shows: the risk id.
        var label: String
        var href: String
        var score: RiskScore
        /// Read by screen readers after the label, so the link says which risk it is: "risk 16, Safeguarding Children".
        var description: String
    }

    /// The grid without risks, made once per build: every deep-dive's appendix has a heat map for each of its risks,
    /// and building each cell of each of them afresh was a sixtieth of a build.
    private let columns: MustacheValue
    private let legend: MustacheValue
    /// Most likely first; each row's cells by impact, lowest first.
    private let rows: [(likelihood: Int, word: String, cells: [TemplateContext])]
    /// Each row as the template is given it when no risk is in it: most heat maps have one risk, so four rows of
    /// five are given as they are.
    private let emptyRows: [MustacheValue]

    init(matrix: RiskMatrix) {
        columns = .objects((1...max(1, matrix.maxImpact)).map { impact in
            ["level": .number(impact), "word": .text(matrix.impactWord(impact))]
        })
        rows = (1...max(1, matrix.maxLikelihood)).reversed().map { likelihood in
            let cells = (1...max(1, matrix.maxImpact)).map { impact -> TemplateContext in
                let cell = RiskScore(likelihood: likelihood, impact: impact)
                let band = matrix.band(for: cell)
                return [
                    "score": .number(cell.score),
                    "band": .text(band?.name ?? "No band"),
                    "bandSlug": .text(band?.slug ?? "none"),
                    "bandTone": .text(matrix.tone(of: band)),
                    "risks": .list([]),
                    "occupied": false,
                ]
            }
            return (likelihood, matrix.likelihoodWord(likelihood), cells)
        }
        emptyRows = rows.map { row in .object(["level": .number(row.likelihood), "word": .text(row.word), "cells": .objects(row.cells)]) }
        legend = .objects(matrix.bands.map { band in
            ["name": .text(band.name), "slug": .text(band.slug), "tone": .text(matrix.tone(of: band)), "coverage": .text(band.coverage)]
        })
    }

    /// The grid with each entry in the cell of its score, in the entries' order; an entry outside the matrix is in
    /// no cell.
    func make(entries: [Entry], caption: String) -> TemplateContext {
        var risksByCell: [RiskScore: [TemplateContext]] = [:]
        for entry in entries {
            risksByCell[entry.score, default: []].append(["label": .text(entry.label), "href": .text(entry.href), "description": .text(entry.description)])
        }
        // Only the cells that hold a risk are looked at: rows are most likely first, so likelihood L is row
        // `rows.count - L`. (Looking each of the 25 cells up by its score, for a heat map of one risk, was half
        // the cost of making it.)
        var cellsByRow: [Int: [TemplateContext]] = [:]
        for (score, risks) in risksByCell {
            let index = self.rows.count - score.likelihood
            guard self.rows.indices.contains(index), self.rows[index].cells.indices.contains(score.impact - 1) else { continue }
            var cells = cellsByRow[index] ?? self.rows[index].cells
            cells[score.impact - 1]["risks"] = .objects(risks)
            cells[score.impact - 1]["occupied"] = true
            cellsByRow[index] = cells
        }
        var rows = emptyRows
        for (index, cells) in cellsByRow {
            let row = self.rows[index]
            rows[index] = .object(["level": .number(row.likelihood), "word": .text(row.word), "cells": .objects(cells)])
        }
        return ["caption": .text(caption), "columns": columns, "rows": .list(rows), "legend": legend, "riskCount": .number(entries.count)]
    }
}
