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
        let bytes = file.text.utf8
        var lineStart = bytes.startIndex
        var lineNumber = 1
        var closing: (start: String.Index, next: String.Index, line: Int)?
        var yamlStart: String.Index?
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let next = lineEnd == bytes.endIndex ? lineEnd : bytes.index(after: lineEnd)
            let marker = Self.marker(bytes[lineStart..<lineEnd])
            if lineNumber == 1 {
                guard marker == "---" else {
                    throw .error(at: start, "the file does not start with front matter; expected a first line '---', then keys such as 'type:', 'title:' and 'date:', then '---'")
                }
                yamlStart = next
            } else if marker == "---" || marker == "..." {
                closing = (lineStart, next, lineNumber)
                break
            }
            lineStart = next
            lineNumber += 1
        }
        guard let yamlStart, let closing else {
            throw .error(at: start, "the front matter is never closed; expected a line '---' after the last key")
        }
        // The YAML ends before the newline that ends its last line; an empty YAML (two '---' lines) is "".
        let yamlEnd = closing.start > yamlStart ? bytes.index(before: closing.start) : yamlStart
        let yaml = String(file.text[yamlStart..<yamlEnd])
        // One trailing newline is dropped, found by its byte: `Substring.dropLast()` counted every character of the
        // body to find the last one (a fifth of the splitter's time at 10,000 reports).
        var bodyEnd = bytes.endIndex
        if bodyEnd > closing.next, bytes[bytes.index(before: bodyEnd)] == UInt8(ascii: "\n") { bodyEnd = bytes.index(before: bodyEnd) }
        return SplitDocument(yaml: yaml, yamlFirstLine: 2, body: String(file.text[closing.next..<bodyEnd]), bodyFirstLine: closing.line + 1)
    }

    /// `---` or `...` when the line is that marker (trailing spaces and tabs allowed), otherwise nil.
    private static func marker(_ line: Substring.UTF8View) -> String? {
        var end = line.endIndex
        while end > line.startIndex, [UInt8(ascii: " "), UInt8(ascii: "\t")].contains(line[line.index(before: end)]) {
            end = line.index(before: end)
        }
        let trimmed = line[line.startIndex..<end]
        guard trimmed.count == 3 else { return nil }
        if trimmed.allSatisfy({ $0 == UInt8(ascii: "-") }) { return "---" }
        if trimmed.allSatisfy({ $0 == UInt8(ascii: ".") }) { return "..." }
        return nil
    }
}
