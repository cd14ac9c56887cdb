import Foundation

// How the decoded-document cache (`DocumentCache`, `.Site.documents`) stores the model: each value as a JSON array
// in a fixed order, each date as its ISO text, and within it text that may be missing as text or null, a list of
// text as its count and then its items, a score as two numbers, and a risk's actions one after another. A rebuild after one edit reads 10,000 documents back, and
// Foundation's JSONDecoder builds a dictionary of keys for every object it decodes: arrays of values decode about
// twice as fast as objects of named fields. Nothing else encodes these types; `Diagnostic` has its own named form
// for `check --format json`.
//
// A risk's and an action's place in the file is stored as its line and column only: the file is the document's own
// (`sourcePath`), which `Document`'s decoding puts back.
//
// The order of the fields is the format: a change to it, or to a field, needs `DocumentCache.format` raised. A
// cache the program cannot read is only decoded afresh (its salt names the program, too).

extension Document: Codable {
    public init(from decoder: Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        self.init(type: try fields.decode(DocumentType.self), title: try fields.decode(String.self),
                  date: try fields.decodeDate(), council: try fields.decodeText(),
                  committee: try fields.decodeText(), author: try fields.decodeText(),
                  summary: try fields.decodeText(), tags: try fields.decodeTexts(),
                  draft: try fields.decode(Bool.self), discusses: try fields.decodeText(),
                  discussesLocation: try fields.decodeIfPresent(SourceLocation.self), risks: try fields.decode([Risk].self),
                  bodyFirstLine: try fields.decode(Int.self), contentPath: try fields.decode(String.self),
                  sourcePath: try fields.decode(String.self))
        risks = Self.placed(risks, in: sourcePath)
    }

    /// Risks as `DocumentCache` keeps them apart from the rest of their document, for a rebuild that asks for them.
    static func risks(decoding data: Data, sourcePath: String) throws -> [Risk] {
        placed(try JSONDecoder().decode([Risk].self, from: data), in: sourcePath)
    }

    /// Risks and actions with their places' file put back: they are stored as line and column only.
    private static func placed(_ risks: [Risk], in sourcePath: String) -> [Risk] {
        var risks = risks
        for risk in risks.indices {
            risks[risk].location.path = sourcePath
            for action in risks[risk].actions.indices { risks[risk].actions[action].location.path = sourcePath }
        }
        return risks
    }

    /// Everything but the body and the hashes, which come from the file each time it is read.
    public func encode(to encoder: Encoder) throws {
        var fields = encoder.unkeyedContainer()
        try fields.encode(type)
        try fields.encode(title)
        try fields.encodeText(date.iso)
        try fields.encodeText(council)
        try fields.encodeText(committee)
        try fields.encodeText(author)
        try fields.encodeText(summary)
        try fields.encodeTexts(tags)
        try fields.encode(draft)
        try fields.encodeText(discusses)
        try fields.encode(discussesLocation)
        try fields.encode(risks)
        try fields.encode(bodyFirstLine)
        try fields.encode(contentPath)
        try fields.encode(sourcePath)
    }
}

/// A risk is one list, its actions' fields in it one after another.
extension Risk: Codable {
    public init(from decoder: Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        let id = try fields.decode(String.self)
        let title = try fields.decode(String.self)
        let statement = try fields.decodeText()
        let causes = try fields.decodeTexts()
        let consequences = try fields.decodeTexts()
        let owner = try fields.decodeText()
        let category = try fields.decodeText()
        let inherent = try fields.decodeScore()
        guard let current = try fields.decodeScore() else { throw Self.corrupt(fields, "a risk without a current score") }
        let target = try fields.decodeScore()
        let reviewDate = try fields.decodeText().map { try Self.date($0, fields) }
        let treatment = try fields.decodeText().map { text in
            guard let treatment = RiskTreatment(rawValue: text) else { throw Self.corrupt(fields, "not a treatment: \(text)") }
            return treatment
        }
        let update = try fields.decodeText()
        let controls = try fields.decodeTexts()
        var actions: [RiskAction] = []
        for _ in 0..<(try fields.decodeCount()) {
            let action = try fields.decode(String.self)
            let impact = try fields.decodeText()
            let resources = try fields.decodeText()
            let actionOwner = try fields.decodeText()
            let due: ActionDue? = try fields.decodeText().map { text in
                text == ActionDue.ongoing.iso ? .ongoing : .date(try Self.date(text, fields))
            }
            actions.append(RiskAction(action: action, impact: impact, resources: resources, owner: actionOwner, due: due,
                                      status: try fields.decodeText(), location: try fields.decodePlaceInDocument()))
        }
        self.init(id: id, title: title, statement: statement, causes: causes, consequences: consequences, owner: owner,
                  category: category, inherent: inherent, current: current, target: target, reviewDate: reviewDate,
                  treatment: treatment, update: update, controls: controls, actions: actions,
                  location: try fields.decodePlaceInDocument())
    }

    public func encode(to encoder: Encoder) throws {
        var fields = encoder.unkeyedContainer()
        try fields.encode(id)
        try fields.encode(title)
        try fields.encodeText(statement)
        try fields.encodeTexts(causes)
        try fields.encodeTexts(consequences)
        try fields.encodeText(owner)
        try fields.encodeText(category)
        try fields.encodeScore(inherent)
        try fields.encodeScore(current)
        try fields.encodeScore(target)
        try fields.encodeText(reviewDate?.iso)
        try fields.encodeText(treatment?.rawValue)
        try fields.encodeText(update)
        try fields.encodeTexts(controls)
        try fields.encode(actions.count)
        for action in actions {
            try fields.encode(action.action)
            try fields.encodeText(action.impact)
            try fields.encodeText(action.resources)
            try fields.encodeText(action.owner)
            try fields.encodeText(action.due?.iso)
            try fields.encodeText(action.status)
            try fields.encodePlaceInDocument(action.location)
        }
        try fields.encodePlaceInDocument(location)
    }

    private static func date(_ text: String, _ fields: UnkeyedDecodingContainer) throws -> ContentDate {
        guard let date = ContentDate(iso: text) else { throw corrupt(fields, "not a date: \(text)") }
        return date
    }

    private static func corrupt(_ fields: UnkeyedDecodingContainer, _ what: String) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: fields.codingPath, debugDescription: what))
    }
}

// Optional text, lists of text and scores are written straight into the list that holds them. Through `Optional`'s,
// `Array`'s or the type's own `Codable`, JSONEncoder made a nested encoder for every such value, which was most of
// what encoding the cache cost.
private extension UnkeyedEncodingContainer {
    /// A place in the document: its line and column, without the path, which `Document`'s decoding puts back.
    mutating func encodePlaceInDocument(_ location: SourceLocation) throws {
        try encode(location.line)
        try encode(location.column)
    }

    mutating func encodeText(_ text: String?) throws {
        if let text { try encode(text) } else { try encodeNil() }
    }

    /// How many, then each.
    mutating func encodeTexts(_ texts: [String]) throws {
        try encode(texts.count)
        for text in texts { try encode(text) }
    }

    /// Likelihood and impact, or two nulls.
    mutating func encodeScore(_ score: RiskScore?) throws {
        if let score {
            try encode(score.likelihood)
            try encode(score.impact)
        } else {
            try encodeNil()
            try encodeNil()
        }
    }
}

private extension UnkeyedDecodingContainer {
    mutating func decodePlaceInDocument() throws -> SourceLocation {
        SourceLocation(path: "", line: try decode(Int.self), column: try decode(Int.self))
    }

    mutating func decodeText() throws -> String? {
        try decodeNil() ? nil : decode(String.self)
    }

    /// A count written before a list's items; the items that follow are read one by one, so a damaged count only
    /// fails the decoding.
    mutating func decodeCount() throws -> Int {
        let count = try decode(Int.self)
        guard count >= 0 else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: "a negative count"))
        }
        return count
    }

    mutating func decodeTexts() throws -> [String] {
        var texts: [String] = []
        for _ in 0..<(try decodeCount()) { texts.append(try decode(String.self)) }
        return texts
    }

    mutating func decodeScore() throws -> RiskScore? {
        if try decodeNil() {
            guard try decodeNil() else {
                throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: "half a score"))
            }
            return nil
        }
        return RiskScore(likelihood: try decode(Int.self), impact: try decode(Int.self))
    }

    mutating func decodeDate() throws -> ContentDate {
        let text = try decode(String.self)
        guard let date = ContentDate(iso: text) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: "not a date: \(text)"))
        }
        return date
    }
}

extension SourceLocation: Codable {
    public init(from decoder: Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        self.init(path: try fields.decode(String.self), line: try fields.decode(Int.self), column: try fields.decode(Int.self))
    }

    public func encode(to encoder: Encoder) throws {
        var fields = encoder.unkeyedContainer()
        try fields.encode(path)
        try fields.encode(line)
        try fields.encode(column)
    }
}
