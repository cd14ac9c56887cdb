import Foundation

/// What every page build-site writes in safe mode must be, whatever the content file held.
/// A broken promise stops the fuzzer with the page, the input and what was wrong.
///
/// The pages are scanned byte by byte, as a browser's tokenizer reads them: content reaches a page only escaped
/// (`&lt;`) or as cmark-gfm's own tags, so every `<` followed by a letter is a tag build-site meant to write.
enum HTMLInvariants {
    /// URL schemes that run script or open local files when followed or loaded.
    static let forbiddenSchemes: Set<String> = ["javascript", "vbscript", "livescript", "mocha", "file", "data"]
    /// cmark-gfm lets these through in safe mode (in images and in links: neither runs script, and browsers do not
    /// open `data:` links); the site's policy allows `data:` images.
    static let allowedDataPrefixes = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "poster", "srcset", "xlink:href", "background", "cite", "data"]

    static func check(_ html: String, page: String, input: String) {
        let bytes = Array(html.utf8)
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            index = open + 1
            guard index < bytes.count, isLetter(bytes[index]) else { continue }
            let tag = readTag(bytes, from: index)
            index = tag.end
            if tag.name == "script" {
                // The templates may load the site's own script files; never script written into the page.
                let closing = Array("</script>".utf8)
                let inlineCode = !bytes[tag.end...].starts(with: closing)
                fail(if: tag.attributes["src"] == nil || inlineCode, "an inline <script> in \(page)", html, input)
            }
            for (name, value) in tag.attributes {
                fail(if: name.hasPrefix("on"), "an event-handler attribute \(name)=\"\(value)\" on <\(tag.name)> in \(page)", html, input)
                fail(if: name == "style" && !value.isEmpty, "an inline style attribute on <\(tag.name)> in \(page) (the site's policy refuses them)", html, input)
                if urlAttributes.contains(name), let scheme = scheme(of: value) {
                    let allowedData = scheme == "data" && allowedDataPrefixes.contains { decoded(value).lowercased().hasPrefix($0) }
                    fail(if: forbiddenSchemes.contains(scheme) && !allowedData, "a \(scheme): URL in \(name) on <\(tag.name)> in \(page): \(value)", html, input)
                }
            }
            fail(if: ["iframe", "object", "embed", "frame", "base", "style"].contains(tag.name),
                 "a <\(tag.name)> element in \(page), which content must never produce in safe mode", html, input)
        }
    }

    /// The title must be on its page, escaped scalar by scalar (no combining mark may hide a quote).
    static func checkShownEscaped(_ text: String, in html: String, page: String, input: String) {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        let haystack = Array(html.utf8), needle = Array(escaped.utf8)
        let found = needle.isEmpty || (0...max(0, haystack.count - needle.count)).contains { start in
            start + needle.count <= haystack.count && haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
        fail(if: !found, "the title is not shown escaped on \(page): \(escaped)", html, input)
    }

    struct Tag {
        var name: String
        var attributes: [String: String]
        var end: Int
    }

    /// Reads `<name attr="value" attr2='v' attr3=v attr4>` as the HTML tokenizer does, from just after the `<`.
    static func readTag(_ bytes: [UInt8], from start: Int) -> Tag {
        var index = start
        func isSpace(_ byte: UInt8) -> Bool { [0x20, 0x09, 0x0A, 0x0C, 0x0D].contains(byte) }
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") { index += 1 }
        let name = String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
        var attributes: [String: String] = [:]
        while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
            if isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1; continue }
            let nameStart = index
            while index < bytes.count, !isSpace(bytes[index]), ![UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "/")].contains(bytes[index]) || index == nameStart {
                index += 1
            }
            let attributeName = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            var value = ""
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    let valueStart = index + 1
                    index = bytes[valueStart...].firstIndex(of: quote) ?? bytes.count
                    value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                    index = min(bytes.count, index + 1)
                } else {
                    let valueStart = index
                    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                }
            }
            if attributes[attributeName] == nil { attributes[attributeName] = value }
        }
        return Tag(name: name, attributes: attributes, end: min(bytes.count, index + 1))
    }

    /// The URL's scheme as a browser finds it: character references decoded, tabs and newlines removed, leading
    /// spaces and control characters dropped. Nil for a relative URL.
    static func scheme(of value: String) -> String? {
        var url = decoded(value).unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }[...]
        while let first = url.first, first.value <= 0x20 { url = url.dropFirst() }
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.properties.isAlphabetic,
              scheme.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) }) else { return nil }
        return String(String.UnicodeScalarView(scheme)).lowercased()
    }

    /// Numeric character references and the named ones that can spell a scheme.
    static func decoded(_ value: String) -> String {
        var result = ""
        var scalars = value.unicodeScalars[...]
        while let scalar = scalars.first {
            scalars = scalars.dropFirst()
            guard scalar == "&" else { result.unicodeScalars.append(scalar); continue }
            let body = scalars.prefix { $0 != ";" && $0 != "&" }.prefix(32)
            let text = String(String.UnicodeScalarView(body))
            var replacement: Unicode.Scalar?
            if text.hasPrefix("#x") || text.hasPrefix("#X") {
                replacement = UInt32(text.dropFirst(2).prefix { $0.isHexDigit }, radix: 16).flatMap(Unicode.Scalar.init)
            } else if text.hasPrefix("#") {
                replacement = UInt32(text.dropFirst().prefix { $0.isNumber }).flatMap(Unicode.Scalar.init)
            } else {
                replacement = ["amp": "&", "colon": ":", "Tab": "\t", "NewLine": "\n", "quot": "\"", "lt": "<", "gt": ">", "#39": "'"][text]
            }
            if let replacement {
                result.unicodeScalars.append(replacement)
                scalars = scalars.dropFirst(body.count)
                if scalars.first == ";" { scalars = scalars.dropFirst() }
            } else {
                result += "&"
            }
        }
        return result
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    static func fail(if broken: Bool, _ problem: @autoclosure () -> String, _ html: String, _ input: String) {
        guard broken else { return }
        FileHandle.standardError.write(Data("build-site fuzzer: \(problem())\n--- input ---\n\(input)\n".utf8))
        abort()
    }
}
