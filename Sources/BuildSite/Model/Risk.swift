/// A likelihood × impact pair on the site's risk matrix.
public struct RiskScore: Sendable, Hashable {
    public var likelihood: Int
    public var impact: Int

    public init(likelihood: Int, impact: Int) {
        self.likelihood = likelihood
        self.impact = impact
    }

    public var score: Int { likelihood * impact }

    /// "L2 × I5 = 10", the form risk registers print.
    public var formula: String { "L\(likelihood) × I\(impact) = \(score)" }
}

/// When an action is due: a date, or "Ongoing" for work with no end date.
public enum ActionDue: Sendable, Hashable {
    case date(ContentDate)
    case ongoing

    public var display: String {
        switch self {
        case .date(let date): date.display
        case .ongoing: "Ongoing"
        }
    }

    public var iso: String {
        switch self {
        case .date(let date): date.iso
        case .ongoing: "Ongoing"
        }
    }
}

/// One row of a risk's actions table.
public struct RiskAction: Sendable, Hashable {
    public var action: String
    public var impact: String?
    public var resources: String?
    public var owner: String?
    public var due: ActionDue?
    public var status: String?
    public var location: SourceLocation
}

/// How a council chooses to respond to a risk (the four Ts of risk management).
public enum RiskTreatment: String, Sendable, CaseIterable, Codable {
    case treat, tolerate, transfer, terminate
}

/// One risk of a deep-dive's risk-on-a-page appendix, as the author wrote it.
public struct Risk: Sendable {
    public var id: String
    public var title: String
    public var statement: String?
    public var causes: [String]
    public var consequences: [String]
    public var owner: String?
    public var category: String?
    public var inherent: RiskScore?
    public var current: RiskScore
    public var target: RiskScore?
    public var reviewDate: ContentDate?
    public var treatment: RiskTreatment?
    /// Markdown, rendered at the render stage.
    public var update: String?
    /// Markdown items.
    public var controls: [String]
    public var actions: [RiskAction]
    public var location: SourceLocation
}

extension RiskAction {
    /// Status words that close an action; councils write "Complete", "Completed", "Closed" or "Done".
    static let closingStatuses: Set<String> = ["complete", "completed", "closed", "done"]

    /// An action stays open until its status closes it.
    public var isComplete: Bool { status.map { RiskAction.closingStatuses.contains($0.lowercased()) } ?? false }

    /// Overdue when its status says so, or when it was due before the report's date and is not complete:
    /// the report itself then shows it late.
    public func isOverdue(reportDate: ContentDate) -> Bool {
        if isComplete { return false }
        if status?.lowercased() == "overdue" { return true }
        guard case .date(let due)? = due else { return false }
        return due < reportDate
    }
}

extension Risk {
    // Counted in place: filtering first copied the actions into a new array each time, for the appendix, the
    // register, each history page and the open data.
    public var openActionCount: Int { actions.reduce(0) { $1.isComplete ? $0 : $0 + 1 } }

    public func overdueActionCount(reportDate: ContentDate) -> Int {
        actions.reduce(0) { $1.isOverdue(reportDate: reportDate) ? $0 + 1 : $0 }
    }
}
