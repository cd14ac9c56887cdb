import Mustache

/// The HTML escaping of `{{value}}` in every template, done on UTF-8 bytes. swift-mustache's own escaping looks each
/// Character up in a dictionary, which was a twentieth of a whole build in the benchmark's profile. This escapes the
/// same five characters the same way (`<` `>` `&` `"` `'` become `&lt;` `&gt;` `&amp;` `&quot;` `&#39;`) and returns
/// text with none of them as it is, without a copy. (It also escapes a quote followed by a combining accent,
/// which the Character-by-Character escaping let through.)
struct HTMLEscaping: MustacheContentType {
    static let name = "BUILD_SITE_HTML"

    /// Put before each template's text: a standalone pragma line, which renders nothing and is dropped whole.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"
    static let pragmaLines = 1

    /// swift-mustache looks content types up by name while it compiles a template; registered once, before the first.
    static let registered: Bool = {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }

    /// Most values have nothing to escape: those are appended as they are, read where they lie, without the copy of
    /// the text (and its retain and release) that `escapeText` returns.
    func appendEscaped(_ text: String, to string: inout String) {
        let hasNothingToEscape = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where HTMLEscaping.needsEscaping(byte) { return false }
            return true
        }
        if hasNothingToEscape == true {
            string += text
        } else {
            string += HTMLEscaping.escape(text)
        }
    }

    @inline(__always)
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "\""): true
        default: false
        }
    }

    static func escape(_ text: String) -> String {
        var utf8 = text
        return utf8.withUTF8 { bytes -> String in
            var extra = 0
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "<"), UInt8(ascii: ">"): extra += 3
                case UInt8(ascii: "&"), UInt8(ascii: "'"): extra += 4
                case UInt8(ascii: "\""): extra += 5
                default: break
                }
            }
            if extra == 0 { return text }
            return String(unsafeUninitializedCapacity: bytes.count + extra) { output in
                var written = 0
                func put(_ replacement: StaticString) {
                    let count = replacement.utf8CodeUnitCount
                    for index in 0..<count { output[written + index] = replacement.utf8Start[index] }
                    written += count
                }
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "<"): put("&lt;")
                    case UInt8(ascii: ">"): put("&gt;")
                    case UInt8(ascii: "&"): put("&amp;")
                    case UInt8(ascii: "\""): put("&quot;")
                    case UInt8(ascii: "'"): put("&#39;")
                    default:
                        output[written] = byte
                        written += 1
                    }
                }
                return written
            }
        }
    }
}
