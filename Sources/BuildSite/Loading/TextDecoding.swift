import Foundation

/// Turns a file's bytes into text the parsers can trust: UTF-8 only, no byte-order mark, LF line endings.
enum TextDecoding {
    /// Returns nil when the bytes are not valid UTF-8; the caller reports where.
    static func decode(_ data: Data) -> String? {
        decodeNotingChanges(data)?.text
    }

    /// The text, and whether it differs from the bytes (a byte-order mark was removed, or CR line endings made LF).
    static func decodeNotingChanges(_ data: Data) -> (text: String, changed: Bool)? {
        var bytes = data[...]
        let hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if hasByteOrderMark { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        // `memchr`, not `String.contains` (which bridges the whole text to NSString) nor a Swift loop (slow in debug
        // builds): a 60 MB document costs milliseconds here.
        let hasCarriageReturn = bytes.withUnsafeBytes { $0.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false }
        guard hasCarriageReturn else { return (text, hasByteOrderMark) }
        return (text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"), true)
    }

    /// Line and column of the first byte that is not valid UTF-8, for the error message.
    static func firstInvalidUTF8Location(_ data: Data) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            let end = data.index(index, offsetBy: length, limitedBy: data.endIndex) ?? data.endIndex
            if end - index < length || String(validating: data[index..<end], as: UTF8.self) == nil {
                return (line, column)
            }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index = end
        }
        return (line, column)
    }
}
