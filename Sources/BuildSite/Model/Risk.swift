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
    public var status: String? {
        didSet { (isComplete, statusSaysOverdue) = RiskAction.classify(status) }
    }
    public var location: SourceLocation
    /// Whether the status closes the action, and whether it says the action is overdue: worked out once, when the
    /// status is set. The register, each risk's history and the open data ask it of every action; asked through a
    /// computed property, each question copied the whole action out of its array (five texts retained and released).
    public private(set) var isComplete: Bool
    private var statusSaysOverdue: Bool

    init(action: String, impact: String?, resources: String?, owner: String?, due: ActionDue?, status: String?,
         location: SourceLocation) {
        self.action = action
        self.impact = impact
        self.resources = resources
        self.owner = owner
        self.due = due
        self.status = status
        self.location = location
        (isComplete, statusSaysOverdue) = RiskAction.classify(status)
    }
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
    static let overdueStatuses: Set<String> = ["overdue"]

    /// An action stays open until its status closes it (`isComplete`); a status may also say it is overdue.
    static func classify(_ status: String?) -> (closes: Bool, saysOverdue: Bool) {
        guard let status else { return (false, false) }
        if RiskAction.status(status, isOneOf: RiskAction.closingStatuses) { return (true, false) }
        return (false, RiskAction.status(status, isOneOf: RiskAction.overdueStatuses))
    }

    /// Overdue when its status says so, or when it was due before the report's date and is not complete:
    /// the report itself then shows it late.
    public func isOverdue(reportDate: ContentDate) -> Bool {
        if isComplete { return false }
        if statusSaysOverdue { return true }
        guard case .date(let due)? = due else { return false }
        return due < reportDate
    }

    /// Whether `status`, whatever its case, is one of `words` (lower-case ASCII words without a "k", which the
    /// Kelvin sign lower-cases to). A status in ASCII, as they nearly all are, is compared byte by byte with its
    /// letters folded; any other is lower-cased first. (The register, each risk's history and the open data ask
    /// of every action, and lower-casing and hashing its status each time was half a percent of a build.)
    static func status(_ status: String, isOneOf words: Set<String>) -> Bool {
        var status = status
        let folded = status.withUTF8 { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return words.contains { word in
                word.utf8.count == bytes.count && zip(word.utf8, bytes).allSatisfy { letter, byte in
                    letter == (UInt8(ascii: "A")...UInt8(ascii: "Z") ~= byte ? byte | 0x20 : byte)
                }
            }
        }
        return folded ?? words.contains(status.lowercased())
    }
}

extension Risk {
    // Counted in place, by index: filtering first copied the actions into a new array each time, for the appendix,
    // the register, each history page and the open data, and `reduce` copied each action, every text retained.
    public var openActionCount: Int {
        var count = 0
        for index in actions.indices where !actions[index].isComplete { count += 1 }
        return count
    }

    public func overdueActionCount(reportDate: ContentDate) -> Int {
        var count = 0
        for index in actions.indices where actions[index].isOverdue(reportDate: reportDate) { count += 1 }
        return count
    }
}
