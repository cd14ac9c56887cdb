import Mustache

/// HTML escaping by Unicode scalar, for every `{{value}}` in the templates.
///
/// swift-mustache's own escaper looks each *Character* up in a table. A Swift Character is a grapheme cluster, so
/// `"` followed by a combining accent (U+0301) is one Character that is not `"`, and it went through unescaped:
/// a front-matter value could end the attribute it was written into and add its own (`onmouseover=…`).
/// Browsers read HTML scalar by scalar, so this escapes scalar by scalar.
struct ScalarHTMLEscaping: MustacheContentType {
    static let name = "BUILD_SITE_HTML"

    /// Put first in every template (on a line of its own, which Mustache then drops), so that this escaper applies.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    static let registered: Bool = {
        MustacheContentTypes.register(ScalarHTMLEscaping(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String {
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped.append(contentsOf: "&amp;".unicodeScalars)
            case "<": escaped.append(contentsOf: "&lt;".unicodeScalars)
            case ">": escaped.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": escaped.append(contentsOf: "&quot;".unicodeScalars)
            case "'": escaped.append(contentsOf: "&#39;".unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }
}
