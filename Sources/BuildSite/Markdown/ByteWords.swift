import Foundation

/// Eight bytes of text read as one machine word and tested all at once, for the loops that pass over every byte of
/// every document looking for a few rare ones (a capital, a character to escape, a YAML anchor). Each test is a
/// handful of arithmetic steps on the word instead of a compare and branch per byte, and there is no carry from one
/// byte into the next, so each answer is exact for the eight.
enum ByteWords {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080
    /// The sixteen hexadecimal digits, lower-case, as bytes: for hashes' text and JSON's `\u00XX`.
    static let hexDigits = Array("0123456789abcdef".utf8)

    /// The eight bytes from `index` (which must have eight after it), the first byte lowest, on any machine.
    @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + index).loadUnaligned(as: UInt64.self))
    }

    /// The top bit of each byte set where the byte is at least `least`; only for bytes below 0x80 (no carries).
    @inline(__always)
    static func atLeast(_ word: UInt64, _ least: UInt64) -> UInt64 { (word &+ ones &* (128 &- least)) & highs }

    /// The top bit of each byte set where the byte is within `low...high`; only for bytes below 0x80.
    @inline(__always)
    static func within(_ word: UInt64, _ low: UInt64, _ high: UInt64) -> UInt64 { atLeast(word, low) & ~atLeast(word, high + 1) }

    /// Not zero exactly when one of the eight bytes is `byte`: that byte leaves a zero, which the subtraction's
    /// borrow shows in its top bit. (Which byte it was is not told exactly, only that there is one.) Several are
    /// or-ed together and tested once, without a branch for each.
    @inline(__always)
    static func matching(_ byte: UInt8, in word: UInt64) -> UInt64 {
        let zeroWhereEqual = word ^ (ones &* UInt64(byte))
        return (zeroWhereEqual &- ones) & ~zeroWhereEqual & highs
    }

    /// Not zero exactly when one of the eight bytes is not ASCII.
    @inline(__always)
    static func nonASCII(_ word: UInt64) -> UInt64 { word & highs }

    /// Whether any of the eight bytes is an ASCII capital, A to Z. Bytes from 0x80 count as none: their top bit is
    /// cleared for the comparison and their result dropped.
    @inline(__always)
    static func hasASCIICapital(_ word: UInt64) -> Bool {
        within(word & ~highs, 0x41, 0x5A) & ~word != 0
    }

    /// The index of the first ASCII capital at or after `from`, or `bytes.count` when there is none: eight bytes at
    /// a time while they hold none, then byte by byte.
    static func firstASCIICapital(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var index = from
        while index + 8 <= bytes.count, !hasASCIICapital(load(bytes, at: index)) { index += 8 }
        while index < bytes.count, !Glossary.isASCIICapital(bytes[index]) { index += 1 }
        return index
    }

    /// Whether `text` holds `part`, compared by bytes: each place `memchr` finds the part's first byte is compared
    /// whole. Foundation's `contains` made an NSString of the text to search it, 3% of a one-edit rebuild for the
    /// templates' look for the search marker.
    static func contains(_ part: String, in text: String) -> Bool {
        var text = text, part = part
        return text.withUTF8 { text in
            part.withUTF8 { part in
                guard let first = part.first else { return true }
                guard let base = text.baseAddress, let partBase = part.baseAddress, part.count <= text.count else { return false }
                var index = 0
                while index + part.count <= text.count,
                      let found = memchr(base + index, Int32(first), text.count - part.count + 1 - index) {
                    index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                    if memcmp(base + index, partBase, part.count) == 0 { return true }
                    index += 1
                }
                return false
            }
        }
    }
}
