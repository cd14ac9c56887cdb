import CCmarkGFM

/// Numbered paragraphs as link targets. Committee papers number their paragraphs ("1.1 In accordance…",
/// "6.47. **Title**") and refer to them by number, so a paragraph that starts with such a number gets the id
/// "para-6-47". Only numbers with at least two parts count: a single "14." is a list item or an ordinary number.
enum ParagraphNumbers {
    /// "para-6-47" for "6.47"; nil for text that is not a paragraph number.
    /// At least two parts joined by dots, each of one to four ASCII digits. Read as bytes: every paragraph of every
    /// report comes here, and asking each Character whether it is a number looked up Unicode's tables.
    static func id(for number: Substring) -> String? {
        id(forNumber: number.utf8)
    }

    private static func id<Bytes: Collection<UInt8>>(forNumber number: Bytes) -> String? {
        var parts = 1
        var digits = 0
        for byte in number {
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
        // Written straight into the id's bytes: mapping the number to an array, making text of it and joining that
        // to "para-" was 900 instructions for every numbered paragraph.
        let prefix = "para-".utf8
        return String(unsafeUninitializedCapacity: prefix.count + number.count) { bytes in
            var count = 0
            for byte in prefix {
                bytes[count] = byte
                count += 1
            }
            for byte in number {
                bytes[count] = byte == UInt8(ascii: ".") ? UInt8(ascii: "-") : byte
                count += 1
            }
            return count
        }
    }

    /// The id for the number a paragraph's text starts with: "para-6-47" for "6.47. Title" or "6.47 In accordance".
    /// Read in the bytes where cmark-gfm keeps them: the digits and dots by byte, and what follows them as the
    /// Character a reader sees, which is a space when its first scalar is (a no-break space counts; a combining mark
    /// after a digit is no space, so the text then starts with no number).
    static func leadingNumberID(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var end = 0
        while end < bytes.count, bytes[end] == UInt8(ascii: ".") || bytes[end] &- UInt8(ascii: "0") < 10 { end += 1 }
        if end < bytes.count, !startsWithWhitespace(bytes[end...]) { return nil }
        let digitsEnd = end > 0 && bytes[end - 1] == UInt8(ascii: ".") ? end - 1 : end
        return id(forNumber: bytes[..<digitsEnd])
    }

    /// Whether the scalar the bytes start with is white space; bytes that are no UTF-8 are not.
    private static func startsWithWhitespace(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return CharacterClass.isWhitespace(scalar)
    }

    /// The numbered paragraphs among a tree's paragraphs (`CmarkNodes.walk`), with their ids, in document order.
    /// A paragraph in a tight list is written without `<p>`, so it cannot carry an id and is left out.
    static func find(among paragraphs: [OpaquePointer]) -> [(paragraph: OpaquePointer, id: String)] {
        paragraphs.compactMap { paragraph in
            if let item = cmark_node_parent(paragraph), cmark_node_get_type(item) == CMARK_NODE_ITEM,
               let list = cmark_node_parent(item), cmark_node_get_list_tight(list) != 0 { return nil }
            // A number starts with a digit: a paragraph whose text does not is passed by without copying its text.
            guard let text = firstText(of: paragraph), let first = cmark_node_get_literal(text)?.pointee,
                  UInt8(bitPattern: first) &- UInt8(ascii: "0") < 10,
                  let id = CmarkNodes.withLiteralBytes(text, leadingNumberID(in:)) else { return nil }
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
    /// `allocator`: the one the paragraph's tree was made with.
    static func mark(_ paragraph: OpaquePointer, id: String, allocator: UnsafeMutablePointer<cmark_mem>) {
        guard let marker = CmarkNodes.text(MarkdownMarkers.paragraph(id), allocator: allocator) else { return }
        cmark_node_prepend_child(paragraph, marker)
    }
}
