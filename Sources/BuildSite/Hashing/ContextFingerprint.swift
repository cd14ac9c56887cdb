import Mustache

/// A fingerprint of what a template is given. A page is a pure function of its template and its context, so two
/// builds that give a page's template the same context write the same page: a rebuild can keep the page from the
/// last build instead of rendering it again (`PageReuse`).
///
/// Each kind of value is marked before its contents, so that a text never reads the same as a number, a flag or a
/// list. An object's names come in the order they were set (`MustacheObject`), which the code that makes a context
/// fixes: the same context is always hashed in the same order. (A dictionary's order was its own, so each pair was
/// hashed on its own and the pairs' hashes added, at two more hashes a pair.)
enum ContextFingerprint {
    /// `inputs` are added before the context: what else the page depends on.
    static func of(_ context: TemplateContext, inputs: String...) -> String {
        var hash = ChangeHash()
        for input in inputs { hash.add(input) }
        add(context, to: &hash)
        return hash.hex
    }

    private static func add(_ value: MustacheValue, to hash: inout ChangeHash) {
        switch value {
        case .text(let text):
            hash.add("s")
            hash.add(text)
        case .flag(let flag):
            hash.add(flag ? "t" : "f")
        case .number(let number):
            hash.add("i")
            hash.add(number)
        case .list(let items):
            hash.add("a")
            hash.add(items.count)
            for item in items { add(item, to: &hash) }
        case .object(let fields):
            add(fields, to: &hash)
        }
    }

    private static func add(_ fields: TemplateContext, to hash: inout ChangeHash) {
        hash.add("m")
        hash.add(fields.count)
        for (key, value) in fields {
            hash.add(key)
            add(value, to: &hash)
        }
    }
}
