/// URL- and id-safe names made from text: lower case ASCII letters and digits joined by hyphens.
public enum Slug {
    public static func make(_ text: String) -> String {
        // ASCII text (nearly all of it) is classed byte by byte, straight into the new string's storage: a slug is
        // never longer than its text. (Made for every heading, tag, council and risk id, and walking Unicode scalars
        // into a growing array was 1% of a build.) Other text is lower-cased first, as a whole: that can turn a
        // letter outside ASCII into ASCII ones ("K", the Kelvin sign, into "k").
        var text = text
        if let slug = text.withUTF8({ bytes in bytes.allSatisfy { $0 < 0x80 } ? asciiSlug(bytes) : nil }) { return slug }
        return scalarSlug(text.lowercased())
    }

    private static func asciiSlug(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { slug in
            var length = 0
            var pendingHyphen = false
            for byte in bytes {
                if let letter = letterOrDigit(UInt32(byte)) {
                    if pendingHyphen && length > 0 {
                        slug[length] = UInt8(ascii: "-")
                        length += 1
                    }
                    slug[length] = letter
                    length += 1
                    pendingHyphen = false
                } else if byte != UInt8(ascii: "'") {
                    pendingHyphen = true
                }
            }
            return length
        }
    }

    /// Lower-cased text with characters outside ASCII, taken Unicode scalar by scalar (and ASCII text the same way
    /// in the tests, which check the two ways agree).
    static func scalarSlug(_ lowered: String) -> String {
        var slug: [UInt8] = []
        var pendingHyphen = false
        for scalar in lowered.unicodeScalars {
            if let byte = letterOrDigit(scalar.value) {
                if pendingHyphen && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                slug.append(byte)
                pendingHyphen = false
            } else if scalar != "'" && scalar != "’" {
                pendingHyphen = true
            }
        }
        return String(decoding: slug, as: UTF8.self)
    }

    /// An ASCII letter (lower-cased) or digit as its byte; nil for anything else.
    @inline(__always)
    private static func letterOrDigit(_ value: UInt32) -> UInt8? {
        switch value {
        case 0x61...0x7A, 0x30...0x39: UInt8(value)
        case 0x41...0x5A: UInt8(value + 0x20)
        default: nil
        }
    }
}
