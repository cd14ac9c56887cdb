import CCmarkGFM
import Foundation

/// Small, safe helpers over cmark-gfm's C tree for the steps that edit it (paragraph anchors, reference links,
/// abbreviations). They only ever add nodes cmark-gfm itself renders and escapes: text and links.
enum CmarkNodes {
    /// What the passes over a document's tree read, found in one walk of it: each pass walking the whole tree
    /// itself (paragraph numbers, headings, cross-references, abbreviations) made cmark-gfm's iterator 2.5% of a
    /// build's samples. Collected first, in document order, so the passes can edit the tree afterwards.
    struct Walk {
        var paragraphs: [OpaquePointer] = []
        var headings: [OpaquePointer] = []
        /// Text that a reader sees as running text: not inside a link (no links in links), an image (its text is
        /// the alt attribute) or a heading (its text is also the contents list's). Only when asked for.
        var runningTexts: [OpaquePointer] = []
    }

    static func walk(_ root: OpaquePointer, collectingText: Bool) -> Walk {
        var walk = Walk()
        // Room for a report's paragraphs and texts at once: grown from nothing, the lists were made again a few
        // times for every text.
        walk.paragraphs.reserveCapacity(32)
        if collectingText { walk.runningTexts.reserveCapacity(64) }
        guard let iterator = cmark_iter_new(root) else { return walk }
        defer { cmark_iter_free(iterator) }
        // How many links, images and headings the walk is inside: each is entered and exited, a text only entered.
        var notRunning = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_TEXT:
                if collectingText, notRunning == 0 { walk.runningTexts.append(node) }
            case CMARK_NODE_PARAGRAPH:
                if event == CMARK_EVENT_ENTER { walk.paragraphs.append(node) }
            case CMARK_NODE_HEADING, CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if type == CMARK_NODE_HEADING, event == CMARK_EVENT_ENTER { walk.headings.append(node) }
                notRunning += event == CMARK_EVENT_ENTER ? 1 : -1
            default:
                break
            }
        }
        return walk
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

    /// A new text node, made with the allocator of the tree it is for: cmark-gfm joins only nodes of one allocator,
    /// and frees each through its own.
    static func text(_ literal: String, allocator: UnsafeMutablePointer<cmark_mem>) -> OpaquePointer? {
        guard let node = cmark_node_new_with_mem(CMARK_NODE_TEXT, allocator) else { return nil }
        cmark_node_set_literal(node, literal)
        return node
    }

    /// A new link node holding `text`, with the allocator of the tree it is for.
    static func link(to url: String, text: String, allocator: UnsafeMutablePointer<cmark_mem>) -> OpaquePointer? {
        guard let node = cmark_node_new_with_mem(CMARK_NODE_LINK, allocator) else { return nil }
        cmark_node_set_url(node, url)
        if let child = CmarkNodes.text(text, allocator: allocator) { cmark_node_append_child(node, child) }
        return node
    }

    /// Puts `replacements` where `node` was and frees `node`.
    static func replace(_ node: OpaquePointer, with replacements: [OpaquePointer]) {
        for replacement in replacements { cmark_node_insert_before(node, replacement) }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}
