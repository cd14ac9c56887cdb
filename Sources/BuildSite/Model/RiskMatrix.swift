/// The council's scoring matrix: its size, the words for each level, and the bands scores fall into.
/// Councils band differently, so all of it comes from `site.yml` (`risk_matrix:`), with these defaults.
public struct RiskMatrix: Sendable {
    public struct Band: Sendable, Hashable {
        public var name: String
        /// The scores (likelihood × impact) this band covers.
        public var scores: ClosedRange<Int>
        /// The CSS class suffix: a lower-case slug of the name.
        public var slug: String { Slug.make(name) }
    }

    /// Likelihood level words, lowest first; their count is the matrix height.
    public var likelihoodLevels: [String]
    /// Impact level words, lowest first; their count is the matrix width.
    public var impactLevels: [String]
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

    /// The band a score falls in; a score between bands (none with the defaults) takes the band below it.
    public func band(for score: Int) -> Band? {
        bands.first { $0.scores.contains(score) } ?? bands.last { $0.scores.upperBound < score }
    }

    public func band(for score: RiskScore) -> Band? { band(for: score.score) }

    public func likelihoodWord(_ level: Int) -> String { likelihoodLevels.indices.contains(level - 1) ? likelihoodLevels[level - 1] : String(level) }
    public func impactWord(_ level: Int) -> String { impactLevels.indices.contains(level - 1) ? impactLevels[level - 1] : String(level) }
}
