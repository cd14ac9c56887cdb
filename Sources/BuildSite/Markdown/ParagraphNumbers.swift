import CCmarkGFM

/// Numbered paragraphs as link targets. Committee papers number their paragraphs ("1.1 In accordance…",
/// "6.47. **Title**") and refer to them by number, so a paragraph that starts with such a number gets the id
/// "para-6-47". Only numbers with at least two parts count: a single "14." is a list item or an ordinary number.
enum ParagraphNumbers {
    /// "para-6-47" for "6.47"; nil for text that is not a paragraph number.
    static func id(for number: Substring) -> String? {
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        return "para-" + parts.joined(separator: "-")
    }

    /// The number a paragraph's text starts with: "6.47" from "6.47. Title" or "1.1 In accordance".
    static func leadingNumber(of text: String) -> Substring? {
        let number = text.prefix { $0.isASCIIDigit || $0 == "." }
        if let next = text.dropFirst(number.count).first, !next.isWhitespace { return nil }
        let digits = number.hasSuffix(".") ? number.dropLast() : number
        return id(for: digits) == nil ? nil : digits
    }

    /// The numbered paragraphs of a tree with their ids, in document order. A paragraph in a tight list is written
    /// without `<p>`, so it cannot carry an id and is left out.
    static func find(in root: OpaquePointer) -> [(paragraph: OpaquePointer, id: String)] {
        CmarkNodes.all(CMARK_NODE_PARAGRAPH, under: root).compactMap { paragraph in
            if let item = cmark_node_parent(paragraph), cmark_node_get_type(item) == CMARK_NODE_ITEM,
               let list = cmark_node_parent(item), cmark_node_get_list_tight(list) != 0 { return nil }
            guard let text = firstText(of: paragraph), let number = leadingNumber(of: CmarkNodes.literal(text)),
                  let id = id(for: number) else { return nil }
            return (paragraph, id)
        }
    }

    /// The first text of a paragraph, looking inside emphasis so "**6.47.** Title" counts too.
    private static func firstText(of node: OpaquePointer) -> OpaquePointer? {
        var current = cmark_node_first_child(node)
        while let child = current {
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT { return child }
            guard type == CMARK_NODE_STRONG || type == CMARK_NODE_EMPH else { return nil }
            current = cmark_node_first_child(child)
        }
        return nil
    }

    /// Marks the paragraph so the HTML post-processor gives its `<p>` the id (cmark-gfm has no attributes on nodes).
    static func mark(_ paragraph: OpaquePointer, id: String) {
        guard let marker = CmarkNodes.text(MarkdownMarkers.paragraph(id)) else { return }
        cmark_node_prepend_child(paragraph, marker)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
