import Foundation
import Mustache

/// One column of the open data files: its name in the CSV header and the JSON keys, what kind of value it holds,
/// and what it means. The CSV header, `risks.json`, its JSON Schema and the register page's column tables are all
/// made from these lists, so they cannot disagree.
struct OpenDataColumn: Sendable {
    enum Kind: Sendable {
        case text
        case integer(minimum: Int, maximum: Int?)
        /// As written in the front matter: YYYY-MM-DD, YYYY-MM or YYYY.
        case date
        case url
        case boolean
        /// One of a fixed list of words.
        case word([String])

        /// The kind as text for a file's fingerprint: every kind and limit tells apart. Spelled out, not
        /// `String(describing:)`, which reflects on the value (`Mirror`) and asked the runtime about a dozen
        /// protocols for each column, 3 ms of every build.
        var fingerprintText: String {
            switch self {
            case .text: "text"
            case .integer(let minimum, let maximum): "integer \(minimum) " + (maximum.map { String($0) } ?? "none")
            case .date: "date"
            case .url: "url"
            case .boolean: "boolean"
            case .word(let words): "word " + words.joined(separator: "\u{0}")
            }
        }
    }

    var name: String
    var kind: Kind
    /// False when the value may be empty in the CSV (null in JSON).
    var required: Bool
    var meaning: String

    init(_ name: String, _ kind: Kind, required: Bool = false, _ meaning: String) {
        self.name = name
        self.kind = kind
        self.required = required
        self.meaning = meaning
    }

    /// For the register page's table of columns.
    var documentation: TemplateContext {
        let type: String
        switch kind {
        case .text: type = "text"
        case .integer(let minimum, let maximum?): type = "whole number, \(minimum) to \(maximum)"
        case .integer(let minimum, nil): type = "whole number, \(minimum) or more"
        case .date: type = "date (YYYY-MM-DD, YYYY-MM or YYYY)"
        case .url: type = "web address"
        case .boolean: type = "true or false"
        case .word(let words): type = "one of: " + words.joined(separator: ", ")
        }
        return ["name": .text(name), "type": .text(type), "meaning": .text(meaning), "optional": .flag(!required)]
    }

    /// The JSON Schema for this column's values.
    var schema: [String: Any] {
        var schema: [String: Any] = ["description": meaning]
        var type: String
        switch kind {
        case .text:
            type = "string"
        case .integer(let minimum, let maximum):
            type = "integer"
            schema["minimum"] = minimum
            if let maximum { schema["maximum"] = maximum }
        case .date:
            type = "string"
            schema["pattern"] = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
        case .url:
            type = "string"
            schema["format"] = "uri-reference"
        case .boolean:
            type = "boolean"
        case .word(let words):
            type = "string"
            schema["enum"] = required ? words : (words as [Any]) + [NSNull()]
        }
        schema["type"] = required ? type : [type, "null"] as [Any]
        return schema
    }
}

/// A column with how its cell is read from what a row is made of (`Source`): the list of fields gives both the
/// file's columns and each row's cells, in one order.
struct OpenDataField<Source>: Sendable {
    let column: OpenDataColumn
    let cell: @Sendable (Source) -> OpenDataValue

    init(_ name: String, _ kind: OpenDataColumn.Kind, required: Bool = false, _ meaning: String,
         cell: @escaping @Sendable (Source) -> OpenDataValue) {
        self.column = OpenDataColumn(name, kind, required: required, meaning)
        self.cell = cell
    }
}

/// One row of a data file: its cells in the order of the file's columns.
typealias OpenDataRow = [OpenDataValue]

/// A value of one cell of the open data.
enum OpenDataValue: Equatable {
    case text(String)
    case integer(Int)
    case boolean(Bool)
    case null

    static func optional(_ text: String?) -> OpenDataValue { text.map(OpenDataValue.text) ?? .null }
    static func optional(_ number: Int?) -> OpenDataValue { number.map(OpenDataValue.integer) ?? .null }

    /// As a CSV field: empty for null, `true`/`false` for booleans, text defused against spreadsheet formulas.
    var csv: String {
        switch self {
        case .text(let text): SpreadsheetFormula.defused(text)
        case .integer(let number): String(number)
        case .boolean(let flag): flag ? "true" : "false"
        case .null: ""
        }
    }
}
