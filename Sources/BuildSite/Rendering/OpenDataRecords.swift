import Foundation

/// `risks.json` as Encodable values for Foundation's JSONEncoder: each row's cells under its columns' names, typed
/// (text, whole number, true/false, null). JSONSerialization with sorted keys sorted every object's keys as
/// `AnyHashable` by insertion sort, a twentieth of a build; here the encoder sorts plain Strings.
struct OpenDataRecords: Encodable {
    let columns: [OpenDataColumn]
    let rows: [OpenDataRow]

    private enum FileKey: String, CodingKey { case risks }

    func encode(to encoder: any Encoder) throws {
        var file = encoder.container(keyedBy: FileKey.self)
        var list = file.nestedUnkeyedContainer(forKey: .risks)
        for row in rows {
            try list.encode(Record(columns: columns, row: row))
        }
    }

    /// The file: pretty-printed with sorted keys, so it is the same on every build.
    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard var data = try? encoder.encode(self) else { return "" }
        data.append(UInt8(ascii: "\n"))  // before decoding: added to the text, it copied the whole file once more
        return String(decoding: data, as: UTF8.self)
    }

    private struct Record: Encodable {
        let columns: [OpenDataColumn]
        let row: OpenDataRow

        func encode(to encoder: any Encoder) throws {
            var object = encoder.container(keyedBy: ColumnKey.self)
            for (column, cell) in zip(columns, row) {
                let key = ColumnKey(stringValue: column.name)
                switch cell {
                case .text(let text): try object.encode(text, forKey: key)
                case .integer(let number): try object.encode(number, forKey: key)
                case .boolean(let flag): try object.encode(flag, forKey: key)
                case .null: try object.encodeNil(forKey: key)
                }
            }
        }
    }

    private struct ColumnKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
