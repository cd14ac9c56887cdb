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
        forEachEscapedPiece(of: bytes) { output.append($0) }
    }

    /// The same, appended to bytes (a paragraph's id in a report's HTML).
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        forEachEscapedPiece(of: bytes) { output.append(contentsOf: $0) }
    }

    /// `bytes` escaped, in pieces: each run with nothing to escape as it is, and each of the five as its entity.
    @inline(__always)
    private static func forEachEscapedPiece(of bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var copied = 0
        while let index = firstToEscape(in: bytes, from: copied) {
            let entity: StaticString
            switch bytes[index] {
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "\""): entity = "&quot;"
            default: entity = "&#39;"
            }
            body(UnsafeBufferPointer(rebasing: bytes[copied..<index]))
            body(UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            copied = index + 1
        }
        body(UnsafeBufferPointer(rebasing: bytes[copied...]))
    }

    /// The index of the first of the five at or after `from`, or nil: eight bytes at a time, the first one found
    /// told by the lowest byte `escapedBytes` marks. The last one to seven bytes are read with the word that ends the
    /// text, the bytes before `from` shifted out. Most values are short: a step per byte for their last bytes, and
    /// up to eight steps to reach each character escaped, cost 54 million instructions at 1,000 reports (43 now).
    @inline(__always)
    static func firstToEscape(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var index = from
        while index + 8 <= bytes.count {
            let found = escapedBytes(ByteWords.load(bytes, at: index))
            if found != 0 { return index + found.trailingZeroBitCount / 8 }
            index += 8
        }
        guard index < bytes.count else { return nil }
        if bytes.count >= 8 {
            // Shifted in at the top are zero bytes, which are none of the five.
            let found = escapedBytes(ByteWords.load(bytes, at: bytes.count - 8) >> UInt64(8 * (index - (bytes.count - 8))))
            return found == 0 ? nil : index + found.trailingZeroBitCount / 8
        }
        while index < bytes.count {
            if needsEscaping(bytes[index]) { return index }
            index += 1
        }
        return nil
    }

    /// The same, appended to a text (the sitemap's). Most values have nothing to escape: those are appended as they
    /// are, read where they lie, without the copy of the text (and its retain and release) that `escapeText` returns.
    func appendEscaped(_ text: String, to string: inout String) {
        let hasNothingToEscape = text.utf8.withContiguousStorageIfAvailable { HTMLEscaping.firstToEscape(in: $0, from: 0) == nil }
        if hasNothingToEscape == true {
            string += text
        } else {
            string += HTMLEscaping.escape(text)
        }
    }

    /// The top bit of a byte set where it is one of the five (`word` read with its first byte lowest). Not zero
    /// exactly when one of them is there, and the lowest byte marked is the first of them: a byte may be marked
    /// wrongly only above one that is (`ByteWords.matching`'s borrow).
    @inline(__always)
    static func escapedBytes(_ word: UInt64) -> UInt64 {
        ByteWords.matching(UInt8(ascii: "<"), in: word) | ByteWords.matching(UInt8(ascii: ">"), in: word)
            | ByteWords.matching(UInt8(ascii: "&"), in: word) | ByteWords.matching(UInt8(ascii: "'"), in: word)
            | ByteWords.matching(UInt8(ascii: "\""), in: word)
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
