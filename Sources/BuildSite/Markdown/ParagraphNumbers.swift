import CCmarkGFM

/// Numbered paragraphs as link targets. Committee papers number their paragraphs ("1.1 In accordance…",
/// "6.47. **Title**") and refer to them by number, so a paragraph that starts with such a number gets the id
/// "para-6-47". Only numbers with at least two parts count: a single "14." is a list item or an ordinary number.
enum ParagraphNumbers {
    /// "para-6-47" for "6.47"; nil for text that is not a paragraph number.
    /// At least two parts joined by dots, each of one to four ASCII digits. Read as bytes: every paragraph of every
    /// report comes here, and asking each Character whether it is a number looked up Unicode's tables.
    static func id(for number: Substring) -> String? {
        var parts = 1
        var digits = 0
        for byte in number.utf8 {
            if byte == UInt8(ascii: ".") {
                guard digits > 0 else { return nil }
                parts += 1
                digits = 0
            } else if byte &- UInt8(ascii: "0") < 10, digits < 4 {
                digits += 1
            } else {
                return nil
            }
        }
        guard parts >= 2, digits > 0 else { return nil }
        return "para-" + String(decoding: number.utf8.map { $0 == UInt8(ascii: ".") ? UInt8(ascii: "-") : $0 }, as: UTF8.self)
    }

    /// The number a paragraph's text starts with: "6.47" from "6.47. Title" or "1.1 In accordance". The digits and
    /// dots are found by byte; what follows them is judged as a Character (a no-break space counts as a space).
    /// A digit or dot that a combining mark follows ends the number there, and the mark, not being a space, makes
    /// it no number at all, as it did when the text was read Character by Character.
    static func leadingNumber(of text: String) -> Substring? {
        let bytes = text.utf8
        var end = bytes.startIndex
        while end != bytes.endIndex, bytes[end] == UInt8(ascii: ".") || bytes[end] &- UInt8(ascii: "0") < 10 {
            bytes.formIndex(after: &end)
        }
        let number = text[..<end]
        if let next = text[end...].first, !next.isWhitespace { return nil }
        let digits = number.hasSuffix(".") ? number.dropLast() : number
        return id(for: digits) == nil ? nil : digits
    }

    /// The numbered paragraphs of a tree with their ids, in document order. A paragraph in a tight list is written
    /// without `<p>`, so it cannot carry an id and is left out.
    static func find(in root: OpaquePointer) -> [(paragraph: OpaquePointer, id: String)] {
        CmarkNodes.all(CMARK_NODE_PARAGRAPH, under: root).compactMap { paragraph in
            if let item = cmark_node_parent(paragraph), cmark_node_get_type(item) == CMARK_NODE_ITEM,
               let list = cmark_node_parent(item), cmark_node_get_list_tight(list) != 0 { return nil }
            // A number starts with a digit: a paragraph whose text does not is passed by without copying its text.
            guard let text = firstText(of: paragraph), let first = cmark_node_get_literal(text)?.pointee,
                  UInt8(bitPattern: first) &- UInt8(ascii: "0") < 10,
                  let number = leadingNumber(of: CmarkNodes.literal(text)),
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
