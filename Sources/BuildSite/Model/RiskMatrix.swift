/// The council's scoring matrix: its size, the words for each level, and the bands scores fall into.
/// Councils band differently, so all of it comes from `site.yml` (`risk_matrix:`), with these defaults.
public struct RiskMatrix: Sendable {
    public struct Band: Sendable, Hashable {
        public var name: String
        /// The scores (likelihood × impact) this band covers. For a band given cell by cell, the lowest to the
        /// highest score of its cells (for legends and charts); its `cells` decide.
        public var scores: ClosedRange<Int>
        /// The likelihood × impact cells of a band given cell by cell (`cells:` in site.yml); empty for a band
        /// given by scores. Some councils band L1 × I5 apart from L5 × I1, though both score 5.
        public var cells: Set<RiskScore>

        public init(name: String, scores: ClosedRange<Int>, cells: Set<RiskScore> = []) {
            self.name = name
            self.scores = scores
            self.cells = cells
        }

        public var isByCells: Bool { !cells.isEmpty }

        /// The CSS class suffix: a lower-case slug of the name.
        public var slug: String { Slug.make(name) }

        /// "1–4", or "set cell by cell" for a band given by cells.
        public var coverage: String {
            isByCells ? "\(cells.count) cell\(cells.count == 1 ? "" : "s") set in site.yml"
                : scores.lowerBound == scores.upperBound ? "\(scores.lowerBound)" : "\(scores.lowerBound)–\(scores.upperBound)"
        }
    }

    /// Likelihood level words, lowest first; their count is the matrix height.
    public var likelihoodLevels: [String]
    /// Impact level words, lowest first; their count is the matrix width.
    public var impactLevels: [String]
    /// Lowest first.
    public var bands: [Band]
    /// Accepted action statuses, in the words authors write.
    public var statuses: [String]

    public static let standard = RiskMatrix(
        likelihoodLevels: ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"],
        impactLevels: ["Minimal", "Minor", "Moderate", "Major", "Severe"],
        bands: [Band(name: "Low", scores: 1...4), Band(name: "Medium", scores: 5...12), Band(name: "High", scores: 15...25)],
        statuses: ["Not started", "In progress", "Complete", "Overdue", "Ongoing"])

    public var maxLikelihood: Int { likelihoodLevels.count }
    public var maxImpact: Int { impactLevels.count }
    public var maxScore: Int { maxLikelihood * maxImpact }

    /// The band a score falls in, by scores only; a score between bands (none with the defaults) takes the band below it.
    public func band(for score: Int) -> Band? {
        let byScores = bands.filter { !$0.isByCells }
        return byScores.first { $0.scores.contains(score) } ?? byScores.last { $0.scores.upperBound < score }
            ?? bands.first { $0.scores.contains(score) }
    }

    /// The band of a likelihood × impact cell: a band that names the cell wins, then the bands by score.
    public func band(for score: RiskScore) -> Band? {
        bands.first { $0.cells.contains(score) } ?? band(for: score.score)
    }

    /// A colour tone for the band's position, lowest "low" to highest "high", so a council's own band names
    /// ("Green", "Amber", "Red", "Very high") still get the stylesheet's colours. The colour only repeats the name.
    public func tone(of band: Band?) -> String {
        guard let band, let index = bands.firstIndex(of: band) else { return "none" }
        if index == 0 { return "low" }
        if index == bands.count - 1 { return "high" }
        return "medium"
    }

    public func likelihoodWord(_ level: Int) -> String { likelihoodLevels.indices.contains(level - 1) ? likelihoodLevels[level - 1] : String(level) }
    public func impactWord(_ level: Int) -> String { impactLevels.indices.contains(level - 1) ? impactLevels[level - 1] : String(level) }

    /// Every likelihood × impact cell of the matrix, lowest first.
    public var allCells: [RiskScore] {
        (1...max(1, maxLikelihood)).flatMap { likelihood in
            (1...max(1, maxImpact)).map { RiskScore(likelihood: likelihood, impact: $0) }
        }
    }
}
