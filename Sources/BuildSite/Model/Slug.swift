/// URL- and id-safe names made from text: lower case ASCII letters and digits joined by hyphens.
public enum Slug {
    public static func make(_ text: String) -> String {
        // ASCII text (nearly all of it) is classed byte by byte. Other text is lower-cased first, as a whole: that can
        // turn a letter outside ASCII into ASCII ones ("K", the Kelvin sign, into "k").
        let lowered = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.lowercased()
        var slug: [UInt8] = []
        var pendingHyphen = false
        for scalar in lowered.unicodeScalars {
            if let byte = letterOrDigit(scalar) {
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
    private static func letterOrDigit(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x61...0x7A, 0x30...0x39: UInt8(scalar.value)
        case 0x41...0x5A: UInt8(scalar.value + 0x20)
        default: nil
        }
    }
}
