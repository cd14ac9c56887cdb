import Testing
import Foundation
@testable import BuildSite

/// `risks.json` is written by `OpenDataRecords` itself; Foundation's `JSONEncoder` is the reference it must match
/// byte for byte, so that the file reads the same to every program that read it before.
@Suite("risks.json is written exactly as JSONEncoder writes it")
struct OpenDataJSONTests {
    /// The same records as `JSONEncoder` sees them: each row's cells under its columns' names.
    struct EncodedRecords: Encodable {
        let columns: [OpenDataColumn]
        let rows: [OpenDataRow]

        private enum FileKey: String, CodingKey { case risks }

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        private struct Record: Encodable {
            let columns: [OpenDataColumn]
            let row: OpenDataRow

            func encode(to encoder: any Encoder) throws {
                var object = encoder.container(keyedBy: Key.self)
                for (column, cell) in zip(columns, row) {
                    let key = Key(stringValue: column.name)
                    switch cell {
                    case .text(let text): try object.encode(text, forKey: key)
                    case .integer(let number): try object.encode(number, forKey: key)
                    case .boolean(let flag): try object.encode(flag, forKey: key)
                    case .null: try object.encodeNil(forKey: key)
                    }
                }
            }
        }

        func encode(to encoder: any Encoder) throws {
            var file = encoder.container(keyedBy: FileKey.self)
            var list = file.nestedUnkeyedContainer(forKey: .risks)
            for row in rows { try list.encode(Record(columns: columns, row: row)) }
        }

        func json() throws -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
        }
    }

    /// Texts with everything a JSON string escapes or might: every control character, quotes, backslashes, slashes,
    /// DEL, line and paragraph separators, accents, emoji, an empty text, and runs of plain ASCII between them.
    static let awkwardTexts: [String] = {
        var texts = ["", "plain", "\"quoted\"", "back\\slash\\", "a/b</script>", "\u{7F}", "\u{2028}\u{2029}", "café — £5 😀",
                     "\\\"", "\"", "\\", "tab\there\nnew line\r\n", "ends with a quote\"", "Chief Finance Officer"]
        texts += (0..<0x20).map { "x\(Character(Unicode.Scalar(UInt8($0))))y" }
        texts.append(String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }))
        return texts
    }()

    static func randomCell(_ random: inout SystemRandomNumberGenerator) -> OpenDataValue {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: .null
        case 1: .boolean(Bool.random(using: &random))
        case 2: .integer(Int.random(in: Int.min...Int.max, using: &random))
        case 3: .integer(Int.random(in: -30...30, using: &random))
        case 4: .text(awkwardTexts.randomElement(using: &random) ?? "")
        default: .text(String((0..<Int.random(in: 0..<12, using: &random)).compactMap { _ in awkwardTexts.randomElement(using: &random)?.first }))
        }
    }

    @Test("risk rows of random cells of every kind, awkward texts among them, are written as JSONEncoder writes them")
    func randomRowsMatchJSONEncoder() throws {
        var random = SystemRandomNumberGenerator()
        let columns = OpenDataExport.riskColumns(matrix: .standard)
        let rows = (0..<300).map { _ in columns.map { _ in Self.randomCell(&random) } }
        let written = OpenDataRecords(columns: columns, rows: rows).json()
        #expect(written == (try EncodedRecords(columns: columns, rows: rows).json()))
        // And every awkward text reads back as itself.
        let texts = Self.awkwardTexts.map { OpenDataValue.text($0) }
        let textColumns = texts.indices.map { OpenDataColumn("text_\(100 + $0)", .text, "") }
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(OpenDataRecords(columns: textColumns, rows: [texts]).json().utf8)) as? [String: [[String: String]]])
        #expect(parsed["risks"]?.first.map { object in textColumns.map { object[$0.name] ?? "missing" } } == Self.awkwardTexts)
    }

    @Test("no rows, one row, and keys that sort differently by bytes and by letters, as JSONEncoder writes them")
    func edgesMatchJSONEncoder() throws {
        let columns = ["b", "aB", "a_b", "a", "Z", "a1", "a10", "a2", "é", "e"].map { OpenDataColumn($0, .text, "") }
        let row: OpenDataRow = columns.indices.map { .integer($0) }
        for rows in [[], [row], [row, row]] {
            #expect(OpenDataRecords(columns: columns, rows: rows).json() == (try EncodedRecords(columns: columns, rows: rows).json()))
        }
    }

    @Test("a built site's risks.json is the one JSONEncoder writes of its rows")
    func siteFileMatchesJSONEncoder() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try RiskPagesTests.writeHistory(site)
        _ = try site.build()
        let (model, _) = try ModelBuilder(options: site.options).build()
        let export = OpenDataExport(site: model, register: RiskRegister(site: model))
        let fields = OpenDataExport.riskFields(matrix: model.settings.riskMatrix)
        let rows = export.riskRows(fields: fields)
        #expect(rows.count > 3)
        #expect(try site.read("Site/risks.json") == (try EncodedRecords(columns: fields.map(\.column), rows: rows).json()))
    }
}
