import CCmarkGFM
import Foundation

/// What `check` needs to know about a document's Markdown, each with its place in the file:
/// the links and images, the headings, and the plain text (for abbreviations).
struct MarkdownFacts: Sendable {
    struct Link: Sendable {
        var destination: String
        var isImage: Bool
        /// An image's alternative text (its `![…]`); a link's text.
        var text: String
        var location: SourceLocation
    }

    struct HeadingAt: Sendable {
        var level: Int
        var text: String
        var location: SourceLocation
    }

    struct TextRun: Sendable {
        var text: String
        var location: SourceLocation
    }

    var links: [Link] = []
    var headings: [HeadingAt] = []
    var texts: [TextRun] = []
}

/// Parses a body with cmark-gfm exactly as the renderer does (same parser, same extensions, same parse) and walks
/// its tree. cmark-gfm gives each node its start line and byte column within the body; the body starts on
/// `bodyFirstLine` of the file, and columns are turned into characters so editors land on the right spot.
struct MarkdownInspector {
    let renderer: MarkdownRenderer

    func inspect(body: String, bodyFirstLine: Int, path: String) -> MarkdownFacts {
        var facts = MarkdownFacts()
        guard let parser = renderer.makeParser() else { return facts }
        defer { cmark_parser_free(parser) }
        var body = body
        let parsed = body.withUTF8 { MarkdownRenderer.parse($0, with: parser) }
        guard let root = parsed else { return facts }
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else { return facts }
        defer { cmark_iter_free(iterator) }

        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        func location(_ node: OpaquePointer) -> SourceLocation {
            let line = Int(cmark_node_get_start_line(node))
            let byteColumn = Int(cmark_node_get_start_column(node))
            var column = max(byteColumn, 1)
            if lines.indices.contains(line - 1) {
                let utf8 = lines[line - 1].utf8
                let end = utf8.index(utf8.startIndex, offsetBy: max(0, byteColumn - 1), limitedBy: utf8.endIndex) ?? utf8.endIndex
                column = lines[line - 1][..<end].count + 1
            }
            return SourceLocation(path: path, line: line + bodyFirstLine - 1, column: column)
        }

        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                facts.headings.append(.init(level: Int(cmark_node_get_heading_level(node)), text: MarkdownRenderer.plainText(of: node), location: location(node)))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                facts.links.append(.init(destination: destination, isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE,
                                         text: MarkdownRenderer.plainText(of: node), location: location(node)))
            case CMARK_NODE_TEXT:
                if let literal = cmark_node_get_literal(node) {
                    facts.texts.append(.init(text: String(cString: literal), location: location(node)))
                }
            default:
                break
            }
        }
        return facts
    }
}
