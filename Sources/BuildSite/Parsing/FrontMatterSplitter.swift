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
        var lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            throw .error(at: start, "the file does not start with front matter; expected a first line '---', then keys such as 'type:', 'title:' and 'date:', then '---'")
        }
        guard let closing = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmingTrailingSpaces()) }) else {
            throw .error(at: start, "the front matter is never closed; expected a line '---' after the last key")
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return SplitDocument(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2)
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
