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

    /// A value escaped into the page as it is rendered, read where the string keeps it: each run with nothing to
    /// escape is copied as it is, and each of the five characters written as its entity. No escaped text is made.
    func appendEscaped(_ text: String, to output: MustacheOutput) {
        if text.utf8.withContiguousStorageIfAvailable({ HTMLEscaping.appendEscaped($0, to: output) }) == nil {
            output.append(HTMLEscaping.escape(text))
        }
    }

    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: MustacheOutput) {
        guard let base = bytes.baseAddress else { return }
        var index = 0
        var copied = 0
        while index < bytes.count {
            // Eight bytes at a time while none of them is one of the five: a value's words are mostly letters.
            if index + 8 <= bytes.count, !HTMLEscaping.mayNeedEscaping(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let entity: StaticString
            switch bytes[index] {
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default:
                index += 1
                continue
            }
            output.append(UnsafeBufferPointer(rebasing: bytes[copied..<index]))
            output.append(UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            index += 1
            copied = index
        }
        output.append(UnsafeBufferPointer(rebasing: bytes[copied...]))
    }

    /// The same, appended to a text (the sitemap's). Most values have nothing to escape: those are appended as they
    /// are, read where they lie, without the copy of the text (and its retain and release) that `escapeText` returns.
    func appendEscaped(_ text: String, to string: inout String) {
        let hasNothingToEscape = text.utf8.withContiguousStorageIfAvailable { bytes in
            // Eight bytes at a time while eight are left: a value's words are mostly letters and spaces.
            var index = 0
            if let base = bytes.baseAddress {
                while index + 8 <= bytes.count {
                    if HTMLEscaping.mayNeedEscaping(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) { break }
                    index += 8
                }
            }
            while index < bytes.count {
                if HTMLEscaping.needsEscaping(bytes[index]) { return false }
                index += 1
            }
            return true
        }
        if hasNothingToEscape == true {
            string += text
        } else {
            string += HTMLEscaping.escape(text)
        }
    }

    /// Whether any of eight bytes is one of the five escaped, all eight compared with each of the five at once
    /// (`ByteWords`). The answer for the eight is exact; which byte it was is found byte by byte.
    @inline(__always)
    static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let found = ByteWords.matching(UInt8(ascii: "<"), in: word) | ByteWords.matching(UInt8(ascii: ">"), in: word)
            | ByteWords.matching(UInt8(ascii: "&"), in: word) | ByteWords.matching(UInt8(ascii: "'"), in: word)
            | ByteWords.matching(UInt8(ascii: "\""), in: word)
        return found != 0
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
