import Foundation

// How the decoded-document cache (`DocumentCache`, `.Site.documents`) stores the model: each value as a JSON array
// in a fixed order, each date as its ISO text. A rebuild after one edit reads 10,000 documents back, and
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
                  date: try fields.decode(ContentDate.self), council: try fields.decodeIfPresent(String.self),
                  committee: try fields.decodeIfPresent(String.self), author: try fields.decodeIfPresent(String.self),
                  summary: try fields.decodeIfPresent(String.self), tags: try fields.decode([String].self),
                  draft: try fields.decode(Bool.self), discusses: try fields.decodeIfPresent(String.self),
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
        try fields.encode(date)
        try fields.encode(council)
        try fields.encode(committee)
        try fields.encode(author)
        try fields.encode(summary)
        try fields.encode(tags)
        try fields.encode(draft)
        try fields.encode(discusses)
        try fields.encode(discussesLocation)
        try fields.encode(risks)
        try fields.encode(bodyFirstLine)
        try fields.encode(contentPath)
        try fields.encode(sourcePath)
    }
}

extension Risk: Codable {
    public init(from decoder: Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        self.init(id: try fields.decode(String.self), title: try fields.decode(String.self),
                  statement: try fields.decodeIfPresent(String.self), causes: try fields.decode([String].self),
                  consequences: try fields.decode([String].self), owner: try fields.decodeIfPresent(String.self),
                  category: try fields.decodeIfPresent(String.self), inherent: try fields.decodeIfPresent(RiskScore.self),
                  current: try fields.decode(RiskScore.self), target: try fields.decodeIfPresent(RiskScore.self),
                  reviewDate: try fields.decodeIfPresent(ContentDate.self),
                  treatment: try fields.decodeIfPresent(RiskTreatment.self), update: try fields.decodeIfPresent(String.self),
                  controls: try fields.decode([String].self), actions: try fields.decode([RiskAction].self),
                  location: try fields.decodePlaceInDocument())
    }

    public func encode(to encoder: Encoder) throws {
        var fields = encoder.unkeyedContainer()
        try fields.encode(id)
        try fields.encode(title)
        try fields.encode(statement)
        try fields.encode(causes)
        try fields.encode(consequences)
        try fields.encode(owner)
        try fields.encode(category)
        try fields.encode(inherent)
        try fields.encode(current)
        try fields.encode(target)
        try fields.encode(reviewDate)
        try fields.encode(treatment)
        try fields.encode(update)
        try fields.encode(controls)
        try fields.encode(actions)
        try fields.encodePlaceInDocument(location)
    }
}

extension RiskAction: Codable {
    public init(from decoder: Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        self.init(action: try fields.decode(String.self), impact: try fields.decodeIfPresent(String.self),
                  resources: try fields.decodeIfPresent(String.self), owner: try fields.decodeIfPresent(String.self),
                  due: try fields.decodeIfPresent(ActionDue.self), status: try fields.decodeIfPresent(String.self),
                  location: try fields.decodePlaceInDocument())
    }

    public func encode(to encoder: Encoder) throws {
        var fields = encoder.unkeyedContainer()
        try fields.encode(action)
        try fields.encode(impact)
        try fields.encode(resources)
        try fields.encode(owner)
        try fields.encode(due)
        try fields.encode(status)
        try fields.encodePlaceInDocument(location)
    }
}

extension RiskScore: Codable {
    public init(from decoder: Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        self.init(likelihood: try fields.decode(Int.self), impact: try fields.decode(Int.self))
    }

    public func encode(to encoder: Encoder) throws {
        var fields = encoder.unkeyedContainer()
        try fields.encode(likelihood)
        try fields.encode(impact)
    }
}

/// A place in the document being decoded: its line and column, without the path, which `Document` fills in.
private extension UnkeyedDecodingContainer {
    mutating func decodePlaceInDocument() throws -> SourceLocation {
        SourceLocation(path: "", line: try decode(Int.self), column: try decode(Int.self))
    }
}

private extension UnkeyedEncodingContainer {
    mutating func encodePlaceInDocument(_ location: SourceLocation) throws {
        try encode(location.line)
        try encode(location.column)
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

/// `"2023-09"`, as the author wrote it.
extension ContentDate: Codable {
    public init(from decoder: Decoder) throws {
        let value = try decoder.singleValueContainer()
        let text = try value.decode(String.self)
        guard let date = ContentDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: value, debugDescription: "not a date: \(text)")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var value = encoder.singleValueContainer()
        try value.encode(iso)
    }
}

/// `"2025-03"` or `"Ongoing"`, as the author wrote it.
extension ActionDue: Codable {
    public init(from decoder: Decoder) throws {
        let value = try decoder.singleValueContainer()
        let text = try value.decode(String.self)
        if text == ActionDue.ongoing.iso {
            self = .ongoing
        } else if let date = ContentDate(iso: text) {
            self = .date(date)
        } else {
            throw DecodingError.dataCorruptedError(in: value, debugDescription: "not a due date: \(text)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var value = encoder.singleValueContainer()
        try value.encode(iso)
    }
}
