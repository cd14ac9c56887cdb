import Foundation

/// A document cut in two: the YAML between the `---` lines and the Markdown after them,
/// each with the file line it starts on so every message points at the right line.
struct SplitDocument: Sendable {
    var yaml: String
    /// File line of the YAML's first line (the line after the opening `---`).
    var yamlFirstLine: Int
    var body: String
    var bodyFirstLine: Int
}

enum FrontMatterSplitter {
    static func split(_ file: SourceFile) throws(Diagnostic) -> SplitDocument {
        let start = SourceLocation(path: file.displayPath)
        if file.text.allSatisfy(\.isWhitespace) {
            throw .error(at: start, "the file is empty; expected front matter between two '---' lines, then the text of the document")
        }
        // Works on the UTF-8 bytes, line by line, and stops at the closing line: a 60 MB document costs one pass
        // over its front matter and one copy of its body, not a split of every line into a grapheme-aware substring.
        // Lines are found with memchr over the text's bytes: the String.Index walk it replaces was half the
        // splitter's time.
        var text = file.text
        let found = text.withUTF8 { bytes -> (yamlStart: Int, closing: (start: Int, next: Int, line: Int)?)? in
            var lineStart = 0
            var lineNumber = 1
            var yamlStart: Int?
            while lineStart < bytes.count {
                let lineEnd = Self.newline(in: bytes, from: lineStart)
                let next = lineEnd == bytes.count ? lineEnd : lineEnd + 1
                let marker = Self.marker(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]))
                if lineNumber == 1 {
                    guard marker == "---" else { return nil }
                    yamlStart = next
                } else if marker == "---" || marker == "..." {
                    return (yamlStart ?? next, (lineStart, next, lineNumber))
                }
                lineStart = next
                lineNumber += 1
            }
            return yamlStart.map { ($0, nil) }
        }
        guard let found else {
            throw .error(at: start, "the file does not start with front matter; expected a first line '---', then keys such as 'type:', 'title:' and 'date:', then '---'")
        }
        let bytes = text.utf8
        let yamlStart = bytes.index(bytes.startIndex, offsetBy: found.yamlStart)
        let closing = found.closing.map { (start: bytes.index(bytes.startIndex, offsetBy: $0.start),
                                           next: bytes.index(bytes.startIndex, offsetBy: $0.next), line: $0.line) }
        guard let closing else {
            throw .error(at: start, "the front matter is never closed; expected a line '---' after the last key")
        }
        // The YAML ends before the newline that ends its last line; an empty YAML (two '---' lines) is "".
        let yamlEnd = closing.start > yamlStart ? bytes.index(before: closing.start) : yamlStart
        let yaml = String(text[yamlStart..<yamlEnd])
        // One trailing newline is dropped, found by its byte: `Substring.dropLast()` counted every character of the
        // body to find the last one (a fifth of the splitter's time at 10,000 reports).
        var bodyEnd = bytes.endIndex
        if bodyEnd > closing.next, bytes[bytes.index(before: bodyEnd)] == UInt8(ascii: "\n") { bodyEnd = bytes.index(before: bodyEnd) }
        return SplitDocument(yaml: yaml, yamlFirstLine: 2, body: String(text[closing.next..<bodyEnd]), bodyFirstLine: closing.line + 1)
    }

    /// Where the line that starts at `start` ends: its newline, or the end of the text.
    private static func newline(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count,
              let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// `---` or `...` when the line is that marker (trailing spaces and tabs allowed), otherwise nil.
    private static func marker(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        var end = line.count
        while end > 0, line[end - 1] == UInt8(ascii: " ") || line[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        guard end == 3 else { return nil }
        if line[0] == UInt8(ascii: "-"), line[1] == UInt8(ascii: "-"), line[2] == UInt8(ascii: "-") { return "---" }
        if line[0] == UInt8(ascii: "."), line[1] == UInt8(ascii: "."), line[2] == UInt8(ascii: ".") { return "..." }
        return nil
    }
}
