import Mustache

/// What a template is given: names and values of a known kind (text, flag, number, list, object), written like a
/// dictionary. swift-mustache renders these without a dynamic cast or a protocol look-up for each name, and finds a
/// name up the stack with one hash of it (`MustacheObject`, `Vendor/README.md`), and the page's
/// fingerprint (`ContextFingerprint`) reads them the same way. Text is HTML-escaped by the template unless it is
/// written `{{{…}}}` (kept for the `…HTML` fields).
typealias TemplateContext = MustacheObject

extension MustacheValue {
    /// A list of objects: rows of a table, documents of a listing.
    static func objects(_ items: [TemplateContext]) -> MustacheValue { .list(items.map(MustacheValue.object)) }

    /// A list of texts: `{{#causes}}<li>{{.}}</li>{{/causes}}`.
    static func texts(_ items: [String]) -> MustacheValue { .list(items.map(MustacheValue.text)) }
}
