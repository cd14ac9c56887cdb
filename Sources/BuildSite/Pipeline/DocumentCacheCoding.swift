import Foundation

// How the decoded-document cache (`DocumentCache`, `.Site.documents`) stores the model, in `CacheBytes`: each value's
// fields in a fixed order, each date as its ISO text, a score as two numbers, and a risk's actions one after another.
// Nothing else encodes these types; `Diagnostic` has its own named JSON form for `check --format json` and the
// build record.
//
// A risk's and an action's place in the file is stored as its line and column only: the file is the document's own
// (`sourcePath`), which `Document.risks(decoding:sourcePath:)` puts back.
//
// The order of the fields is the format: a change to it, or to a field, needs `DocumentCache.format` raised. A
// cache the program cannot read is only decoded afresh (its salt names the program, too).

extension Document {
    /// Everything but the body, the risks (kept apart, `encodedRisks`) and the hashes, which come from the file each
    /// time it is read.
    func write(to writer: inout CacheBytes.Writer) {
        writer.write(type.rawValue)
        writer.write(title)
        writer.write(date.iso)
        writer.write(council)
        writer.write(committee)
        writer.write(author)
        writer.write(summary)
        writer.write(tags)
        writer.write(draft)
        writer.write(discusses)
        writer.write(discussesLocation != nil)
        if let discussesLocation { discussesLocation.write(to: &writer) }
        writer.write(bodyFirstLine)
        writer.write(contentPath)
        writer.write(sourcePath)
    }

    init(reading reader: inout CacheBytes.Reader) throws(CacheBytes.Damage) {
        guard let type = DocumentType(rawValue: try reader.text()) else { throw CacheBytes.Damage() }
        let title = try reader.text()
        let date = try ContentDate.reading(&reader)
        let council = try reader.optionalText()
        let committee = try reader.optionalText()
        let author = try reader.optionalText()
        let summary = try reader.optionalText()
        let tags = try reader.texts()
        let draft = try reader.flag()
        let discusses = try reader.optionalText()
        let discussesLocation = try reader.flag() ? try SourceLocation(reading: &reader) : nil
        self.init(type: type, title: title, date: date, council: council, committee: committee, author: author,
                  summary: summary, tags: tags, draft: draft, discusses: discusses, discussesLocation: discussesLocation,
                  risks: [], bodyFirstLine: try reader.int(), contentPath: try reader.text(), sourcePath: try reader.text())
    }

    /// A document's risks, as `DocumentCache` keeps them apart from the rest of it: never empty, as the count comes
    /// first.
    static func encodedRisks(_ risks: [Risk]) -> Data {
        var writer = CacheBytes.Writer(capacity: 1024 * risks.count)
        writer.write(unsigned: UInt64(risks.count))
        for risk in risks { risk.write(to: &writer) }
        return writer.data
    }

    /// Risks as `encodedRisks` wrote them, with their places' file put back.
    static func risks(decoding data: Data, sourcePath: String) throws(CacheBytes.Damage) -> [Risk] {
        var reader = CacheBytes.Reader(data)
        var risks: [Risk] = []
        for _ in 0..<(try reader.count()) { risks.append(try Risk(reading: &reader, sourcePath: sourcePath)) }
        guard reader.isAtEnd else { throw CacheBytes.Damage() }
        return risks
    }
}

extension Risk {
    func write(to writer: inout CacheBytes.Writer) {
        writer.write(id)
        writer.write(title)
        writer.write(statement)
        writer.write(causes)
        writer.write(consequences)
        writer.write(owner)
        writer.write(category)
        RiskScore.write(inherent, to: &writer)
        RiskScore.write(current, to: &writer)
        RiskScore.write(target, to: &writer)
        writer.write(reviewDate?.iso)
        writer.write(treatment?.rawValue)
        writer.write(update)
        writer.write(controls)
        writer.write(unsigned: UInt64(actions.count))
        for action in actions {
            writer.write(action.action)
            writer.write(action.impact)
            writer.write(action.resources)
            writer.write(action.owner)
            writer.write(action.due?.iso)
            writer.write(action.status)
            writer.write(action.location.line)
            writer.write(action.location.column)
        }
        writer.write(location.line)
        writer.write(location.column)
    }

    init(reading reader: inout CacheBytes.Reader, sourcePath: String) throws(CacheBytes.Damage) {
        let id = try reader.text()
        let title = try reader.text()
        let statement = try reader.optionalText()
        let causes = try reader.texts()
        let consequences = try reader.texts()
        let owner = try reader.optionalText()
        let category = try reader.optionalText()
        let inherent = try RiskScore.reading(&reader)
        guard let current = try RiskScore.reading(&reader) else { throw CacheBytes.Damage() }  // every risk has one
        let target = try RiskScore.reading(&reader)
        let reviewDate = try reader.flag() ? try ContentDate.reading(&reader) : nil
        var treatment: RiskTreatment?
        if let text = try reader.optionalText() {
            guard let known = RiskTreatment(rawValue: text) else { throw CacheBytes.Damage() }
            treatment = known
        }
        let update = try reader.optionalText()
        let controls = try reader.texts()
        var actions: [RiskAction] = []
        for _ in 0..<(try reader.count()) {
            let action = try reader.text()
            let impact = try reader.optionalText()
            let resources = try reader.optionalText()
            let actionOwner = try reader.optionalText()
            var due: ActionDue?
            if let text = try reader.optionalText() {
                guard let date = text == ActionDue.ongoing.iso ? ActionDue.ongoing : ContentDate(iso: text).map(ActionDue.date) else {
                    throw CacheBytes.Damage()
                }
                due = date
            }
            actions.append(RiskAction(action: action, impact: impact, resources: resources, owner: actionOwner, due: due,
                                      status: try reader.optionalText(),
                                      location: SourceLocation(path: sourcePath, line: try reader.int(), column: try reader.int())))
        }
        self.init(id: id, title: title, statement: statement, causes: causes, consequences: consequences, owner: owner,
                  category: category, inherent: inherent, current: current, target: target, reviewDate: reviewDate,
                  treatment: treatment, update: update, controls: controls, actions: actions,
                  location: SourceLocation(path: sourcePath, line: try reader.int(), column: try reader.int()))
    }
}

extension RiskScore {
    /// Likelihood and impact after a flag, or the flag alone.
    static func write(_ score: RiskScore?, to writer: inout CacheBytes.Writer) {
        writer.write(score != nil)
        if let score {
            writer.write(score.likelihood)
            writer.write(score.impact)
        }
    }

    static func reading(_ reader: inout CacheBytes.Reader) throws(CacheBytes.Damage) -> RiskScore? {
        try reader.flag() ? RiskScore(likelihood: try reader.int(), impact: try reader.int()) : nil
    }
}

extension ContentDate {
    /// A date written as its ISO text.
    static func reading(_ reader: inout CacheBytes.Reader) throws(CacheBytes.Damage) -> ContentDate {
        guard let date = ContentDate(iso: try reader.text()) else { throw CacheBytes.Damage() }
        return date
    }
}

extension SourceLocation {
    func write(to writer: inout CacheBytes.Writer) {
        writer.write(path)
        writer.write(line)
        writer.write(column)
    }

    init(reading reader: inout CacheBytes.Reader) throws(CacheBytes.Damage) {
        self.init(path: try reader.text(), line: try reader.int(), column: try reader.int())
    }
}

extension Diagnostic {
    func write(to writer: inout CacheBytes.Writer) {
        writer.write(severity.rawValue)
        location.write(to: &writer)
        writer.write(message)
    }

    init(reading reader: inout CacheBytes.Reader) throws(CacheBytes.Damage) {
        guard let severity = Severity(rawValue: try reader.text()) else { throw CacheBytes.Damage() }
        self.init(severity, at: try SourceLocation(reading: &reader), try reader.text())
    }
}
