import Mustache

/// A fingerprint of what a template is given. A page is a pure function of its template and its context, so two
/// builds that give a page's template the same context write the same page: a rebuild can keep the page from the
/// last build instead of rendering it again (`PageReuse`).
///
/// Each kind of value starts with a marker word of its own, so that a text never reads the same as a number, a
/// flag or a list. An object's names come in the order they were set (`MustacheObject`), which the code that makes a
/// context fixes: the same context is always hashed in the same order. A name is added as the 64-bit hash the object
/// keeps of it, not hashed again: names come from build-site's code, not from content.
enum ContextFingerprint {
    /// `inputs` are added before the context: what else the page depends on.
    static func of(_ context: TemplateContext, inputs: String...) -> String {
        var hash = ChangeHash()
        for input in inputs { hash.add(input) }
        add(context, to: &hash)
        return hash.hex
    }

    private enum Marker: UInt64 {
        case text = 0xF1, flagOn, flagOff, number, list, object
    }

    private static func add(_ value: MustacheValue, to hash: inout ChangeHash) {
        switch value {
        case .text(let text):
            hash.add(word: Marker.text.rawValue)
            hash.add(text)
        case .utf8(let bytes):
            // The text it holds, as a `.text` of it is hashed.
            hash.add(word: Marker.text.rawValue)
            bytes.withUnsafeBytes { hash.add($0) }
        case .flag(let flag):
            hash.add(word: (flag ? Marker.flagOn : Marker.flagOff).rawValue)
        case .number(let number):
            hash.add(word: Marker.number.rawValue)
            hash.add(word: UInt64(bitPattern: Int64(number)))
        case .list(let items):
            hash.add(word: Marker.list.rawValue)
            hash.add(word: UInt64(items.count))
            // Through the buffer, each item lent to `add` where it lies: a `for … in`, or the array's subscript, copied
            // each one out (a retain and a release).
            items.withUnsafeBufferPointer { items in
                for index in items.indices { add(items[index], to: &hash) }
            }
        case .object(let fields):
            add(fields, to: &hash)
        }
    }

    private static func add(_ fields: TemplateContext, to hash: inout ChangeHash) {
        hash.add(word: Marker.object.rawValue)
        hash.add(word: UInt64(fields.count))
        fields.forEachHashedValue { nameHash, value in
            hash.add(word: nameHash)
            add(value, to: &hash)
        }
    }
}
