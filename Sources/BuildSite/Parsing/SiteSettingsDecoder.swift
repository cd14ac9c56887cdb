/// Reads `Content/site.yml`: the site's title, publisher, address, language, feed length and risk matrix.
enum SiteSettingsDecoder {
    static let knownKeys = ["title", "publisher", "base_url", "language", "unsafe_html", "feed_limit", "risk_matrix"]

    static func decode(_ file: SourceFile?) -> (SiteSettings, [Diagnostic]) {
        guard let file else { return (.defaults, []) }
        var bag = DiagnosticBag()
        let context = YAMLContext(path: file.displayPath, firstLine: 1)
        let root: YAMLNode?
        do {
            root = try YAMLParsing.compose(file.text, context: context)
        } catch {
            return (.defaults, [error])
        }
        guard let fields = YAMLFields(root, context: context, what: "site.yml", bag: &bag) else { return (.defaults, bag.diagnostics) }
        fields.warnUnknownKeys(known: knownKeys, bag: &bag)
        var settings = SiteSettings.defaults
        settings.title = fields.string("title", required: true, bag: &bag) ?? settings.title
        settings.publisher = fields.string("publisher", bag: &bag) ?? settings.publisher
        if let url = fields.string("base_url", bag: &bag) {
            if let problem = BuildOptions.problem(withBaseURL: url) {
                bag.error(fields.location("base_url"), "base_url: " + problem)
            } else {
                settings.baseURL = url.hasSuffix("/") ? url : url + "/"
            }
        }
        settings.language = fields.string("language", bag: &bag) ?? settings.language
        settings.allowRawHTML = fields.bool("unsafe_html", bag: &bag) ?? false
        if let limit = fields.int("feed_limit", bag: &bag) {
            if limit >= 1 {
                settings.feedLimit = limit
            } else {
                bag.error(fields.location("feed_limit"), "feed_limit must be 1 or more: how many of the newest publications feed.xml lists; found \(limit)")
            }
        }
        if let matrixNode = fields.value("risk_matrix") {
            settings.riskMatrix = decodeMatrix(matrixNode, context: context, bag: &bag)
        }
        return (settings, bag.diagnostics)
    }

    private static func decodeMatrix(_ node: YAMLNode, context: YAMLContext, bag: inout DiagnosticBag) -> RiskMatrix {
        var matrix = RiskMatrix.standard
        guard let fields = YAMLFields(node, context: context, what: "risk_matrix", bag: &bag) else { return matrix }
        fields.warnUnknownKeys(known: ["likelihood", "impact", "bands", "statuses"], bag: &bag)
        for (key, path) in [("likelihood", \RiskMatrix.likelihoodLevels), ("impact", \RiskMatrix.impactLevels)] {
            let levels = fields.stringList(key, bag: &bag)
            if levels.isEmpty { continue }
            if (2...10).contains(levels.count) {
                matrix[keyPath: path] = levels
            } else {
                bag.error(fields.location(key), "risk_matrix \(key) must list 2 to 10 level words, lowest first; found \(levels.count)")
            }
        }
        let statuses = fields.stringList("statuses", bag: &bag)
        if !statuses.isEmpty { matrix.statuses = statuses }
        let bandNodes = fields.list("bands", bag: &bag)
        if !bandNodes.isEmpty {
            var bands: [RiskMatrix.Band] = []
            for (index, bandNode) in bandNodes.enumerated() {
                guard let band = YAMLFields(bandNode, context: context, what: "band \(index + 1)", bag: &bag) else { continue }
                if let decoded = decodeBand(band, matrix: matrix, existing: bands, bag: &bag) { bands.append(decoded) }
            }
            matrix.bands = bands.sorted { ($0.scores.lowerBound, $0.scores.upperBound) < ($1.scores.lowerBound, $1.scores.upperBound) }
            // A cell no band covers would silently take the band below it: say so, once, with the first such cell.
            let uncovered = matrix.allCells.filter { cell in !matrix.bands.contains { $0.cells.contains(cell) || (!$0.isByCells && $0.scores.contains(cell.score)) } }
            if let first = uncovered.first, !bands.isEmpty {
                bag.warning(fields.location("bands"), "no band covers L\(first.likelihood) × I\(first.impact) = \(first.score)\(uncovered.count > 1 ? " (and \(uncovered.count - 1) more cells)" : ""); expected every cell of the matrix in a band, or it takes the band below")
            }
        }
        return matrix
    }

    /// One band: `{name, from, to}` for a range of scores, or `{name, cells: [[likelihood, impact], …]}` cell by cell.
    private static func decodeBand(_ band: YAMLFields, matrix: RiskMatrix, existing bands: [RiskMatrix.Band], bag: inout DiagnosticBag) -> RiskMatrix.Band? {
        band.warnUnknownKeys(known: ["name", "from", "to", "cells"], bag: &bag)
        guard let name = band.string("name", required: true, bag: &bag) else { return nil }
        if band.value("cells") != nil {
            var cells = Set<RiskScore>()
            for cellNode in band.list("cells", bag: &bag) {
                let levels = cellNode.sequence.map { $0.compactMap { $0.scalar.flatMap { Int($0.string) } } } ?? []
                guard levels.count == 2, (1...matrix.maxLikelihood).contains(levels[0]), (1...matrix.maxImpact).contains(levels[1]) else {
                    bag.error(band.context.location(of: cellNode), "each cell of band '\(name)' must be [likelihood, impact] within the \(matrix.maxLikelihood) × \(matrix.maxImpact) matrix, e.g. [4, 5]; found \(YAMLFields.describe(cellNode))")
                    continue
                }
                let cell = RiskScore(likelihood: levels[0], impact: levels[1])
                if let other = bands.first(where: { $0.cells.contains(cell) }) {
                    bag.error(band.context.location(of: cellNode), "cell [\(cell.likelihood), \(cell.impact)] is in band '\(other.name)' and band '\(name)'; expected each cell in one band")
                    continue
                }
                cells.insert(cell)
            }
            guard let low = cells.map(\.score).min(), let high = cells.map(\.score).max() else { return nil }
            return RiskMatrix.Band(name: name, scores: low...high, cells: cells)
        }
        guard let from = band.int("from", required: true, bag: &bag),
              let to = band.int("to", required: true, bag: &bag) else { return nil }
        guard from <= to else {
            bag.error(band.location("to"), "band '\(name)' ends (\(to)) before it starts (\(from)); expected from ≤ to")
            return nil
        }
        if let overlap = bands.first(where: { !$0.isByCells && $0.scores.overlaps(from...to) }) {
            bag.error(band.location("from"), "band '\(name)' overlaps band '\(overlap.name)'; expected each score in one band")
            return nil
        }
        return RiskMatrix.Band(name: name, scores: from...to)
    }
}

/// Reads `Content/glossary.yml`: abbreviation → meaning, for `<abbr>` and the glossary page.
enum GlossaryDecoder {
    static func decode(_ file: SourceFile?) -> ([String: String], [Diagnostic]) {
        guard let file else { return ([:], []) }
        var bag = DiagnosticBag()
        let context = YAMLContext(path: file.displayPath, firstLine: 1)
        let root: YAMLNode?
        do {
            root = try YAMLParsing.compose(file.text, context: context)
        } catch {
            return ([:], [error])
        }
        guard let fields = YAMLFields(root, context: context, what: "glossary.yml", bag: &bag) else { return ([:], bag.diagnostics) }
        var glossary: [String: String] = [:]
        // Pair by pair, not key by key: a lookup per key would make a long glossary quadratic.
        for (key, value) in fields.mapping {
            guard let abbreviation = key.string, let meaning = fields.string(abbreviation, node: value, required: true, bag: &bag) else { continue }
            glossary[abbreviation] = meaning
        }
        return (glossary, bag.diagnostics)
    }
}
