import Foundation
import Mustache

/// The numbers for a risk's inline SVG line chart: its current score in each report over time, the target where
/// one is given, and the bands as shaded strips named in text. The template draws it; every value here is a
/// number or a short label, and the page's table gives the same figures for anyone who cannot see the chart.
struct RiskHistoryChart {
    static let width = 640.0
    static let height = 320.0
    static let left = 48.0
    static let right = 132.0
    static let top = 16.0
    static let bottom = 64.0
    static let inset = 28.0

    let matrix: RiskMatrix
    let entries: [RiskRegister.Entry]

    var plotWidth: Double { RiskHistoryChart.width - RiskHistoryChart.left - RiskHistoryChart.right }
    var plotHeight: Double { RiskHistoryChart.height - RiskHistoryChart.top - RiskHistoryChart.bottom }
    var maxScore: Int { max(1, matrix.maxScore) }

    func y(_ score: Int) -> Double {
        RiskHistoryChart.top + plotHeight * (1 - Double(min(score, maxScore)) / Double(maxScore))
    }

    func x(_ index: Int) -> Double {
        let count = entries.count
        guard count > 1 else { return RiskHistoryChart.left + plotWidth / 2 }
        let usable = plotWidth - 2 * RiskHistoryChart.inset
        return RiskHistoryChart.left + RiskHistoryChart.inset + usable * Double(index) / Double(count - 1)
    }

    /// One decimal place, as `String(format: "%.1f")` writes it (`NumberText`).
    static func number(_ value: Double) -> String {
        NumberText.fixed(value, places: 1)
    }

    /// A coordinate as the SVG's text.
    private static func coordinate(_ value: Double) -> MustacheValue { .text(number(value)) }

    func context(idPrefix: String, riskID: String, council: String) -> TemplateContext {
        let plotRight = RiskHistoryChart.left + plotWidth
        let bottomY = y(0)
        // Bands as strips from the band below's top to their own top, so the strips tile the whole axis.
        var lowerEdge = 0
        var bands: [TemplateContext] = []
        for band in matrix.bands {
            let upper = min(band.scores.upperBound, maxScore)
            guard upper > lowerEdge else { continue }
            let top = y(upper), bottom = y(lowerEdge)
            bands.append([
                "name": .text(band.name), "tone": .text(matrix.tone(of: band)),
                "x": Self.coordinate(RiskHistoryChart.left), "y": Self.coordinate(top),
                "width": Self.coordinate(plotWidth), "height": Self.coordinate(bottom - top),
                "labelX": Self.coordinate(plotRight + 8), "labelY": Self.coordinate((top + bottom) / 2 + 5),
                "label": .text("\(band.name) \(band.coverage.contains("cell") ? "" : band.coverage)".trimmingCharacters(in: .whitespaces)),
            ])
            lowerEdge = upper
        }
        let step = max(1, Int((Double(maxScore) / 5).rounded(.up)))
        let ticks = stride(from: 0, through: maxScore, by: step).map { score -> TemplateContext in
            ["label": .number(score), "y": Self.coordinate(y(score)), "textY": Self.coordinate(y(score) + 5)]
        }
        let rotate = entries.count > 5
        let points = entries.enumerated().map { index, entry -> TemplateContext in
            let score = entry.risk.current.score
            var point: TemplateContext = [
                "x": Self.coordinate(x(index)), "y": Self.coordinate(y(score)),
                "labelY": Self.coordinate(y(score) - 10), "score": .number(score),
                "dateLabel": .text(RiskHistoryChart.shortDate(entry.document.date)),
                "dateY": Self.coordinate(bottomY + 20),
            ]
            point["rotate"] = rotate ? .text("rotate(-35 \(RiskHistoryChart.number(x(index))) \(RiskHistoryChart.number(bottomY + 20)))") : nil
            return point
        }
        let targets = entries.enumerated().compactMap { index, entry -> TemplateContext? in
            guard let target = entry.risk.target else { return nil }
            return ["x": Self.coordinate(x(index) - 5), "y": Self.coordinate(y(target.score) - 5), "score": .number(target.score)]
        }
        let targetLine = entries.enumerated().compactMap { index, entry in
            entry.risk.target.map { "\(RiskHistoryChart.number(x(index))),\(RiskHistoryChart.number(y($0.score)))" }
        }.joined(separator: " ")
        var context: TemplateContext = [
            "titleID": .text(idPrefix + "-title"), "descID": .text(idPrefix + "-desc"),
            "title": .text("Line chart: current score of risk \(riskID) (\(council)) in each report, 0 to \(maxScore)"),
            "description": .text(description()),
            "width": .number(Int(RiskHistoryChart.width)), "height": .number(Int(RiskHistoryChart.height)),
            "axisX": Self.coordinate(RiskHistoryChart.left), "axisRight": Self.coordinate(plotRight),
            "axisTop": Self.coordinate(RiskHistoryChart.top), "axisBottom": Self.coordinate(bottomY),
            "axisLabelX": Self.coordinate(RiskHistoryChart.left - 8),
            "bands": .objects(bands), "ticks": .objects(ticks), "points": .objects(points),
            "line": .text(entries.indices.map { "\(RiskHistoryChart.number(x($0))),\(RiskHistoryChart.number(y(entries[$0].risk.current.score)))" }
                .joined(separator: " ")),
            "targets": .objects(targets),
            "maxScore": .number(maxScore),
        ]
        context["targetLine"] = targets.count > 1 ? .text(targetLine) : nil
        context["hasTargets"] = .flag(!targets.isEmpty)
        return context
    }

    /// The chart in one sentence per report, for `<desc>`: "March 2018: 25 (High); March 2024: 10 (Medium)".
    func description() -> String {
        let parts = entries.map { entry -> String in
            let band = matrix.band(for: entry.risk.current)?.name ?? "no band"
            var text = "\(entry.document.date.display): \(entry.risk.current.score) (\(band))"
            if let target = entry.risk.target { text += ", target \(target.score)" }
            return text
        }
        return "Current score in each report, oldest first. " + parts.joined(separator: "; ") + ". The table below gives the same figures."
    }

    /// "Mar 2024", "Sep 2023", "2016": short enough to sit under a point.
    static func shortDate(_ date: ContentDate) -> String {
        guard let month = date.month else { return String(date.year) }
        return "\(ContentDate.monthNames[month - 1].prefix(3)) \(date.year)"
    }
}
