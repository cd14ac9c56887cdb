import CSV
import Mustache
import Foundation

/// The register as open data: `risks.csv` and `risks.json` (one row per risk per report), `actions.csv` (one row
/// per action) and `risks.schema.json`, the JSON Schema of `risks.json`. Rows are sorted by council, risk id and
/// report date, and nothing in them depends on the time of the build, so the same content gives the same bytes.
struct OpenDataExport {
    static let risksCSV = "risks.csv"
    static let risksJSON = "risks.json"
    static let actionsCSV = "actions.csv"
    static let schemaJSON = "risks.schema.json"

    let site: SiteModel
    let register: RiskRegister

    var matrix: RiskMatrix { site.settings.riskMatrix }

    /// A risk's row: the register entry, and what its cells need that is worked out once for the row.
    struct RiskRow {
        let entry: RiskRegister.Entry
        let reportURL: String
        let historyURL: String
        let previous: RiskRegister.Entry?
        /// The entry's risk, lent (see `RiskRegister.Entry.risk`): each cell reads a field or two of it.
        var risk: Risk { _read { yield entry.risk } }
    }

    /// An action's row: its risk's entry and its place in the risk's actions table, from 1.
    struct ActionRow {
        let entry: RiskRegister.Entry
        let reportURL: String
        let number: Int
        let action: RiskAction
    }

    static func riskColumns(matrix: RiskMatrix) -> [OpenDataColumn] { riskFields(matrix: matrix).map(\.column) }

    static var actionColumns: [OpenDataColumn] { actionFields.map(\.column) }

    static func riskFields(matrix: RiskMatrix) -> [OpenDataField<RiskRow>] {
        let bandNames = matrix.bands.map(\.name)
        let likelihood = OpenDataColumn.Kind.integer(minimum: 1, maximum: matrix.maxLikelihood)
        let impact = OpenDataColumn.Kind.integer(minimum: 1, maximum: matrix.maxImpact)
        let score = OpenDataColumn.Kind.integer(minimum: 1, maximum: matrix.maxScore)
        var fields: [OpenDataField<RiskRow>] = [
            .init("council", .text, required: true, "The council whose report scored the risk (the report's council, or else the site's publisher).") { .text($0.entry.council) },
            .init("report_title", .text, required: true, "The report's title.") { .text($0.entry.document.title) },
            .init("report_url", .url, required: true, "The report's page on this site.") { .text($0.reportURL) },
            .init("report_date", .date, required: true, "The report's date, as precise as the report gives it.") { .text($0.entry.document.date.iso) },
            .init("risk_id", .text, required: true, "The risk's id; unique within one council's reports, not across councils.") { .text($0.risk.id) },
            .init("risk_title", .text, required: true, "The risk's title.") { .text($0.risk.title) },
            .init("risk_url", .url, required: true, "The risk's section of the report's appendix (risk on a page).") { .text($0.reportURL + "#" + RiskAppendixContext.anchor(for: $0.risk)) },
            .init("history_url", .url, required: true, "The risk's page of scores in every report of its council.") { .text($0.historyURL) },
            .init("statement", .text, "The risk statement: what could happen.") { .optional($0.risk.statement) },
            .init("owner", .text, "The risk owner.") { .optional($0.risk.owner) },
            .init("category", .text, "The risk's category.") { .optional($0.risk.category) },
            .init("treatment", .word(RiskTreatment.allCases.map(\.rawValue)), "How the council responds to the risk.") { .optional($0.risk.treatment?.rawValue) },
            .init("review_date", .date, "When the risk is next reviewed.") { .optional($0.risk.reviewDate?.iso) },
        ]
        let scores: [(String, Bool, String, @Sendable (Risk) -> RiskScore?)] = [
            ("current", true, "current score, with today's controls", { $0.current }),
            ("target", false, "target score the council aims for", { $0.target }),
            ("inherent", false, "inherent score, before any controls", { $0.inherent }),
        ]
        for (prefix, required, what, scoreOf) in scores {
            fields += [
                .init("\(prefix)_likelihood", likelihood, required: required, "Likelihood level of the \(what).") { .optional(scoreOf($0.risk)?.likelihood) },
                .init("\(prefix)_impact", impact, required: required, "Impact level of the \(what).") { .optional(scoreOf($0.risk)?.impact) },
                .init("\(prefix)_score", score, required: required, "Likelihood × impact of the \(what).") { .optional(scoreOf($0.risk)?.score) },
                .init("\(prefix)_band", .word(bandNames), required: required, "The band (from site.yml risk_matrix) of the \(what).") {
                    .optional(scoreOf($0.risk).flatMap { matrix.band(for: $0)?.name })
                },
            ]
        }
        fields += [
            .init("gap_to_target", .integer(minimum: -matrix.maxScore, maximum: matrix.maxScore), "Current score minus target score; 0 or less means the target is reached. Empty without a target.") { row in
                .optional(row.risk.target.map { row.risk.current.score - $0.score })
            },
            .init("direction", .word(["new", "up", "down", "unchanged"]), required: true, "Direction of travel of the current score since the council's previous report with this risk id: up (worse), down (better), unchanged, or new.") { row in
                .text(row.previous.map { RiskRegister.direction(from: $0.risk.current, to: row.risk.current) }?.word ?? RiskRegister.Direction.new.word)
            },
            .init("previous_report_date", .date, "The date of that previous report. Empty when the risk is new.") { .optional($0.previous?.document.date.iso) },
            .init("previous_score", score, "The current score in that previous report. Empty when the risk is new.") { .optional($0.previous?.risk.current.score) },
            .init("actions", .integer(minimum: 0, maximum: nil), required: true, "How many actions the report lists for the risk.") { .integer($0.risk.actions.count) },
            .init("open_actions", .integer(minimum: 0, maximum: nil), required: true, "Actions whose status is not Complete.") { .integer($0.risk.openActionCount) },
            .init("overdue_actions", .integer(minimum: 0, maximum: nil), required: true, "Open actions due before the report's date, or marked Overdue.") {
                .integer($0.risk.overdueActionCount(reportDate: $0.entry.document.date))
            },
        ]
        return fields
    }

    static let actionFields: [OpenDataField<ActionRow>] = [
        .init("council", .text, required: true, "The council whose report lists the action.") { .text($0.entry.council) },
        .init("report_title", .text, required: true, "The report's title.") { .text($0.entry.document.title) },
        .init("report_url", .url, required: true, "The report's page on this site.") { .text($0.reportURL) },
        .init("report_date", .date, required: true, "The report's date.") { .text($0.entry.document.date.iso) },
        .init("risk_id", .text, required: true, "The id of the risk the action treats.") { .text($0.entry.risk.id) },
        .init("risk_title", .text, required: true, "The risk's title.") { .text($0.entry.risk.title) },
        .init("action_number", .integer(minimum: 1, maximum: nil), required: true, "The action's place in the risk's actions table, from 1.") { .integer($0.number) },
        .init("action", .text, required: true, "The action, as written (Markdown).") { .text($0.action.action) },
        .init("expected_impact", .text, "What the action should change.") { .optional($0.action.impact) },
        .init("resources", .text, "The resources it needs.") { .optional($0.action.resources) },
        .init("owner", .text, "Who carries it out.") { .optional($0.action.owner) },
        .init("due", .text, "When it is due: a date (YYYY-MM-DD) or Ongoing.") { .optional($0.action.due?.iso) },
        .init("status", .text, "Its status, in the words of site.yml risk_matrix statuses.") { .optional($0.action.status) },
        .init("open", .boolean, required: true, "true until the status is Complete.") { .boolean(!$0.action.isComplete) },
        .init("overdue", .boolean, required: true, "true when open and due before the report's date, or marked Overdue.") {
            .boolean($0.action.isOverdue(reportDate: $0.entry.document.date))
        },
    ]

    /// The links and one-line descriptions the register page shows.
    static func downloads(links: PageLinks) -> [TemplateContext] {
        [
            ["href": .text(links.file(risksCSV)), "name": .text(risksCSV), "what": "CSV: one row per risk per report"],
            ["href": .text(links.file(risksJSON)), "name": .text(risksJSON), "what": "JSON: the same rows, numbers as numbers and empty values as null"],
            ["href": .text(links.file(actionsCSV)), "name": .text(actionsCSV), "what": "CSV: one row per action of each risk"],
            ["href": .text(links.file(schemaJSON)), "name": .text(schemaJSON), "what": "JSON Schema (draft 2020-12) of risks.json"],
        ]
    }

    /// The risks' files (`risks.csv`, `risks.json`, the schema) and the actions' file (`actions.csv`): two jobs that
    /// can run side by side. With `reuse`, a file whose rows are the same as in the last build is kept.
    func jobs(reuse: PageReuse?) -> [@Sendable () -> [OutputFile]] {
        [
            {
                let fields = OpenDataExport.riskFields(matrix: matrix)
                let columns = fields.map(\.column)
                let rows = riskRows(fields: fields)
                return [
                    file(OpenDataExport.risksCSV, columns: columns, rows: rows, reuse: reuse) { OpenDataExport.csv(columns: columns, rows: rows) },
                    file(OpenDataExport.risksJSON, columns: columns, rows: rows, reuse: reuse) { OpenDataRecords(columns: columns, rows: rows).json() },
                    // Made from the columns alone (no rows); kept like the rest, so that a rebuild that keeps every
                    // page but the documents' (`PageReuse.unchangedSiteWidePages`) keeps it too.
                    file(OpenDataExport.schemaJSON, columns: columns, rows: [], reuse: reuse) { OpenDataExport.json(schema(columns: columns)) },
                ]
            },
            {
                let rows = actionRows()
                return [file(OpenDataExport.actionsCSV, columns: OpenDataExport.actionColumns, rows: rows, reuse: reuse) {
                    OpenDataExport.csv(columns: OpenDataExport.actionColumns, rows: rows)
                }]
            },
        ]
    }

    private func file(_ path: String, columns: [OpenDataColumn], rows: [OpenDataRow], reuse: PageReuse?, make: () -> String) -> OutputFile {
        if let reuse, reuse.keep(path, inputs: OpenDataExport.fingerprint(path: path, columns: columns, rows: rows)) { return .kept(path) }
        return OutputFile(path: path, text: make())
    }

    /// Everything a data file is made from: its columns (names and kinds) and every cell, in order.
    static func fingerprint(path: String, columns: [OpenDataColumn], rows: [OpenDataRow]) -> ChangeHash {
        var hash = ChangeHash()
        hash.add(path)
        for column in columns { hash.add(column.name + " " + column.kind.fingerprintText) }
        hash.add("rows \(rows.count)")
        for row in rows {
            for cell in row {
                // A marker word for the kind, then the value: no text is made of a number or a flag.
                switch cell {
                case .text(let text): hash.add(word: 1); hash.add(text)
                case .integer(let number): hash.add(word: 2); hash.add(number)
                case .boolean(let flag): hash.add(word: flag ? 3 : 4)
                case .null: hash.add(word: 5)
                }
            }
        }
        return hash
    }

    // MARK: Rows

    /// The site's address for a page folder, as in the pages' canonical links.
    func url(_ folder: String) -> String { site.settings.baseURL + folder }

    /// Each row's cells in the order of its columns, each read by its field. (Rows are arrays, not dictionaries by
    /// column name: ten thousand reports have tens of thousands of rows, and dictionaries of them took a hundred
    /// megabytes, and hashing their names 1% of a build.)
    func riskRows(fields: [OpenDataField<RiskRow>]) -> [OpenDataRow] {
        register.allEntries.map { entry in
            let series = register.series(of: entry.risk, in: entry.document, settings: site.settings)
            let row = RiskRow(entry: entry, reportURL: url(entry.document.urlPath),
                              historyURL: url(series?.folder ?? SiteRenderer.riskRegisterFolder),
                              previous: series.flatMap { RiskRegister.previous(in: $0, before: entry.document) })
            return fields.map { $0.cell(row) }
        }
    }

    func actionRows() -> [OpenDataRow] {
        register.allEntries.flatMap { entry in
            let reportURL = url(entry.document.urlPath)
            return entry.risk.actions.enumerated().map { offset, action -> OpenDataRow in
                let row = ActionRow(entry: entry, reportURL: reportURL, number: offset + 1, action: action)
                return OpenDataExport.actionFields.map { $0.cell(row) }
            }
        }
    }

    // MARK: Formats

    /// RFC 4180 CSV by CSV.swift's writer: a header row of plain names, then text fields in double quotes (quotes
    /// inside doubled) and numbers, true/false and empty fields bare, CRLF line ends. UTF-8 without a byte-order mark.
    ///
    /// Text fields are always quoted, as the files have been since they were first published; quoting a field that
    /// needs none changes nothing for a CSV reader. CSV.swift is vendored with a faster writer (`Vendor/README.md`):
    /// the released one wrote a byte per call, 9% of a build.
    static func csv(columns: [OpenDataColumn], rows: [OpenDataRow]) -> String {
        let stream = OutputStream.toMemory()
        do {
            let writer = try CSVWriter(stream: stream, newline: .crlf)
            try writer.write(row: columns.map(\.name))
            for row in rows {
                try writer.write(row: row.map(\.csv), quotedAtIndex: { if case .text = row[$0] { true } else { false } })
            }
            // The writer puts line breaks between rows; RFC 4180 allows one after the last, and line-based tools want
            // it. Written into the stream: added to the finished text, it copied the whole file once more.
            let lineEnd: [UInt8] = [13, 10]
            _ = stream.write(lineEnd, maxLength: lineEnd.count)
            stream.close()
        } catch {
            // Writing to memory cannot fail for want of space or permission; an empty file would show the fault.
            return ""
        }
        // Read as the NSData the stream holds: bridging it to Data copied it a byte at a time through NSData's
        // subscript, more than the writing itself.
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? NSData else { return "" }
        // Made text run by run (`TextDecoding.string(fromUTF8:)`): a "£" in one cell made the standard library check
        // the whole file byte by byte.
        return TextDecoding.string(fromUTF8: UnsafeBufferPointer(start: data.bytes.assumingMemoryBound(to: UInt8.self), count: data.length))
    }

    /// Pretty-printed with sorted keys, so the file is the same on every build (the schema: one small object).
    ///
    /// By `JSONEncoder`, as `risks.json` is: `JSONSerialization` sorted the keys with ICU's collation, whose data it
    /// loaded for this one small file, 5 ms at the very end of every build.
    static func json(_ object: [String: Any]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard var data = try? encoder.encode(JSONTree(object)) else { return "" }
        data.append(UInt8(ascii: "\n"))
        return String(decoding: data, as: UTF8.self)
    }

    func schema(columns: [OpenDataColumn]) -> [String: Any] {
        var schema: [String: Any] = [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Risks in the reports of \(site.settings.title)",
            "description": "risks.json: one object per risk per report, from the risk-on-a-page appendices of the risk deep-dives. Scores use the site's \(matrix.maxLikelihood) × \(matrix.maxImpact) matrix.",
            "type": "object",
            "required": ["risks"],
            "additionalProperties": false,
            "properties": [
                "risks": [
                    "description": "Sorted by council, risk id and report date.",
                    "type": "array",
                    "items": ["$ref": "#/$defs/risk"],
                ] as [String: Any],
            ],
            "$defs": [
                "risk": [
                    "type": "object",
                    "required": columns.map(\.name),
                    "additionalProperties": false,
                    "properties": Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0.schema) }),
                ] as [String: Any],
            ],
        ]
        // A schema's $id must be an absolute address; a site whose base_url is a path has none to give.
        if site.settings.baseURL.hasPrefix("http") { schema["$id"] = url(OpenDataExport.schemaJSON) }
        return schema
    }
}
