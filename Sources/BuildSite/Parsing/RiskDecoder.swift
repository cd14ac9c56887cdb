/// Reads a deep-dive's `risks:` list into typed risks, checking each score against the council's matrix.
struct RiskDecoder {
    let matrix: RiskMatrix
    let statuses: ActionStatuses
    let context: YAMLContext

    /// The status an action's `status:` text gets: the first of the matrix's statuses equal to it ignoring case.
    /// Comparing ignoring case goes through Foundation's string comparison, slow enough to matter at tens of
    /// thousands of actions; text written exactly as one of the statuses, the usual case, is found by a look-up.
    struct ActionStatuses: Sendable {
        let words: [String]
        private let byExactWord: [String: String]

        init(_ words: [String]) {
            self.words = words
            var byExactWord: [String: String] = [:]
            for word in words where byExactWord[word] == nil {
                byExactWord[word] = ActionStatuses.firstIgnoringCase(word, in: words)
            }
            self.byExactWord = byExactWord
        }

        func status(for text: String) -> String? {
            byExactWord[text] ?? ActionStatuses.firstIgnoringCase(text, in: words)
        }

        private static func firstIgnoringCase(_ text: String, in words: [String]) -> String? {
            words.first { $0.caseInsensitiveCompare(text) == .orderedSame }
        }
    }

    static let knownKeys = ["id", "title", "statement", "causes", "consequences", "owner", "category", "inherent",
                            "current", "target", "review_date", "treatment", "update", "controls", "actions"]
    static let knownActionKeys = ["action", "impact", "resources", "owner", "due", "status"]

    func decode(_ nodes: [YAMLNode], bag: inout DiagnosticBag) -> [Risk] {
        var risks: [Risk] = []
        var firstLocationOfID: [String: SourceLocation] = [:]
        for (index, node) in nodes.enumerated() {
            guard let fields = YAMLFields(node, context: context, what: "risk \(index + 1)", bag: &bag) else { continue }
            guard let risk = decodeRisk(fields, index: index, bag: &bag) else { continue }
            if let first = firstLocationOfID[risk.id] {
                bag.error(fields.location("id"), "risk id '\(risk.id)' is used twice in this report (first at line \(first.line)); expected each risk id once")
            } else {
                firstLocationOfID[risk.id] = fields.location("id")
            }
            risks.append(risk)
        }
        return risks
    }

    private func decodeRisk(_ fields: YAMLFields, index: Int, bag: inout DiagnosticBag) -> Risk? {
        fields.warnUnknownKeys(known: RiskDecoder.knownKeys, bag: &bag)
        let id = fields.string("id", required: true, bag: &bag)
        let named = fields.named("risk \(id ?? String(index + 1))")
        let title = named.string("title", required: true, bag: &bag)
        let current = score("current", in: named, required: true, bag: &bag)
        let target = score("target", in: named, required: false, bag: &bag)
        let inherent = score("inherent", in: named, required: false, bag: &bag)
        if let current, let target, target.score > current.score {
            bag.warning(named.location("target"), "the target score \(target.formula) is worse than the current score \(current.formula); expected a target at or below the current score")
        }
        var treatment: RiskTreatment?
        if let text = named.string("treatment", bag: &bag) {
            treatment = RiskTreatment(rawValue: text.lowercased())
            if treatment == nil {
                bag.error(named.location("treatment"), "treatment must be one of treat, tolerate, transfer, terminate; found \"\(text)\"")
            }
        }
        let actions = named.list("actions", bag: &bag).enumerated().compactMap { offset, node in
            decodeAction(node, number: offset + 1, riskID: id ?? String(index + 1), bag: &bag)
        }
        guard let id, let title, let current else { return nil }
        return Risk(id: id, title: title, statement: named.string("statement", bag: &bag),
                    causes: named.stringList("causes", bag: &bag), consequences: named.stringList("consequences", bag: &bag),
                    owner: named.string("owner", bag: &bag), category: named.string("category", bag: &bag),
                    inherent: inherent, current: current, target: target,
                    reviewDate: named.date("review_date", bag: &bag), treatment: treatment,
                    update: named.string("update", bag: &bag), controls: named.stringList("controls", bag: &bag),
                    actions: actions, location: named.location)
    }

    /// `{likelihood: N, impact: N}`, each within the matrix.
    private func score(_ key: String, in fields: YAMLFields, required: Bool, bag: inout DiagnosticBag) -> RiskScore? {
        guard let node = fields.value(key) else {
            if required { fields.missing(key, expected: "'\(key): {likelihood: N, impact: N}'", bag: &bag) }
            return nil
        }
        guard let pair = YAMLFields(node, context: context, what: "'\(key)' of \(fields.what)", bag: &bag) else { return nil }
        pair.warnUnknownKeys(known: ["likelihood", "impact"], bag: &bag)
        let likelihood = level("likelihood", in: pair, maximum: matrix.maxLikelihood, bag: &bag)
        let impact = level("impact", in: pair, maximum: matrix.maxImpact, bag: &bag)
        guard let likelihood, let impact else { return nil }
        return RiskScore(likelihood: likelihood, impact: impact)
    }

    private func level(_ key: String, in fields: YAMLFields, maximum: Int, bag: inout DiagnosticBag) -> Int? {
        guard let node = fields.value(key) else {
            fields.missing(key, expected: "'\(key):' with a whole number from 1 to \(maximum)", bag: &bag)
            return nil
        }
        guard let value = node.scalar.flatMap({ Int($0.string) }), (1...maximum).contains(value) else {
            let found = node.scalar?.string ?? YAMLFields.describe(node)
            bag.error(context.location(of: node), "\(key) must be 1 to \(maximum), found \(found)")
            return nil
        }
        return value
    }

    private func decodeAction(_ node: YAMLNode, number: Int, riskID: String, bag: inout DiagnosticBag) -> RiskAction? {
        guard let fields = YAMLFields(node, context: context, what: "action \(number) of risk \(riskID)", bag: &bag) else { return nil }
        fields.warnUnknownKeys(known: RiskDecoder.knownActionKeys, bag: &bag)
        let action = fields.string("action", required: true, bag: &bag)
        var due: ActionDue?
        if let text = fields.string("due", bag: &bag) {
            // A date first: most actions have one, and no date is the word.
            if let date = ContentDate(iso: text), date.day != nil {
                due = .date(date)
            } else if text.caseInsensitiveCompare("Ongoing") == .orderedSame {
                due = .ongoing
            } else {
                bag.error(fields.location("due"), "due must be a date written YYYY-MM-DD or the word Ongoing; found \"\(text)\"")
            }
        }
        var status: String?
        if let text = fields.string("status", bag: &bag) {
            if let known = statuses.status(for: text) {
                status = known
            } else {
                bag.error(fields.location("status"), "unknown status \"\(text)\"; expected one of: \(statuses.words.joined(separator: ", "))")
            }
        }
        guard let action else { return nil }
        return RiskAction(action: action, impact: fields.string("impact", bag: &bag), resources: fields.string("resources", bag: &bag),
                          owner: fields.string("owner", bag: &bag), due: due, status: status, location: fields.location)
    }
}
