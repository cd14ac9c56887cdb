/// `risks.json`: each row an object of its cells under its columns' names, typed (text, whole number, true/false,
/// null), pretty-printed with sorted keys so that the same content gives the same bytes.
///
/// Written here, byte for byte as Foundation's `JSONEncoder` writes it with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` (`OpenDataJSONTests` holds the two to that on awkward texts and on a whole site). The
/// file is one flat list of flat objects with the same keys, so the keys are sorted and quoted once, not for every
/// object: through `JSONEncoder`, which builds a tree of the whole file and sorts every object's keys again, it was
/// 4.5% of a build's instructions, more than all the CSV files.
struct OpenDataRecords {
    let columns: [OpenDataColumn]
    let rows: [OpenDataRow]

    func json() -> String {
        // Sorted as `JSONEncoder`'s `.sortedKeys` sorts them: by their UTF-8 bytes.
        let order = columns.indices.sorted { columns[$0].name.utf8.lexicographicallyPrecedes(columns[$1].name.utf8) }
        let keys = order.map { index in
            var key = Array("      ".utf8)
            Self.appendString(columns[index].name, to: &key)
            key += " : ".utf8
            return key
        }
        var out: [UInt8] = []
        out.reserveCapacity(64 + rows.count * (32 + keys.reduce(0) { $0 + $1.count + 24 }))
        out += "{\n  \"risks\" : [\n".utf8
        if rows.isEmpty { out += "\n".utf8 }
        for (rowNumber, row) in rows.enumerated() {
            out += "    {\n".utf8
            if order.isEmpty { out += "\n".utf8 }
            for (place, index) in order.enumerated() {
                out += keys[place]
                switch row[index] {
                case .text(let text): Self.appendString(text, to: &out)
                case .integer(let number): out += String(number).utf8
                case .boolean(let flag): out += (flag ? "true" : "false").utf8
                case .null: out += "null".utf8
                }
                out += (place == order.count - 1 ? "\n" : ",\n").utf8
            }
            out += (rowNumber == rows.count - 1 ? "    }\n" : "    },\n").utf8
        }
        out += "  ]\n}\n".utf8
        return out.withUnsafeBufferPointer(TextDecoding.string(fromUTF8:))
    }

    /// A JSON string as `JSONEncoder` writes one without escaping slashes: quotes and backslashes escaped, control
    /// characters by their short escape or as `\u00XX` in lower-case hexadecimal, everything else as it is.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""): out += "\\\"".utf8
                case UInt8(ascii: "\\"): out += "\\\\".utf8
                case 0x08: out += "\\b".utf8
                case 0x09: out += "\\t".utf8
                case 0x0A: out += "\\n".utf8
                case 0x0C: out += "\\f".utf8
                case 0x0D: out += "\\r".utf8
                default:
                    out += "\\u00".utf8
                    out.append(ByteWords.hexDigits[Int(byte >> 4)])
                    out.append(ByteWords.hexDigits[Int(byte & 0x0F)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
