import CCmarkGFM
import Foundation

/// Small, safe helpers over cmark-gfm's C tree for the steps that edit it (paragraph anchors, reference links,
/// abbreviations). They only ever add nodes cmark-gfm itself renders and escapes: text and links.
enum CmarkNodes {
    /// Nodes of one type under `root`, in document order. Collected first, so callers can edit the tree afterwards.
    static func all(_ type: cmark_node_type, under root: OpaquePointer) -> [OpaquePointer] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var nodes: [OpaquePointer] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == type {
                nodes.append(node)
            }
        }
        return nodes
    }

    /// Text that a reader sees as running text: not inside a link (no links in links), an image (its text is the
    /// alt attribute) or a heading (its text is also the contents list's).
    static func isRunningText(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE || type == CMARK_NODE_HEADING { return false }
            parent = cmark_node_parent(current)
        }
        return true
    }

    static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// The node's text as the bytes cmark-gfm keeps, lent to `body` without making a String of them (most text
    /// nodes are only searched, and left as they are).
    static func withLiteralBytes<Result>(_ node: OpaquePointer, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let literal = cmark_node_get_literal(node) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
    }

    static func text(_ literal: String) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        cmark_node_set_literal(node, literal)
        return node
    }

    static func link(to url: String, text: String) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_LINK) else { return nil }
        cmark_node_set_url(node, url)
        if let child = CmarkNodes.text(text) { cmark_node_append_child(node, child) }
        return node
    }

    /// Puts `replacements` where `node` was and frees `node`.
    static func replace(_ node: OpaquePointer, with replacements: [OpaquePointer]) {
        for replacement in replacements { cmark_node_insert_before(node, replacement) }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}
