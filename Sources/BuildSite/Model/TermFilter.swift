import Foundation

/// A quick "no" for the ASCII words that cannot be a glossary term: one bit for each length and first two bytes a
/// term (or its plural, with an "s") can have. Most capitalised words in running text ("The", "Our") miss, and are
/// then never made into a String and looked up. A set bit only means "look it up".
struct TermFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 16)

    init(terms: [String]) {
        for term in terms {
            // An ASCII word equals a term when their canonical forms match: the term's NFC form is what to compare
            // bytes with (the Kelvin sign is "K" in it). A term not ASCII then equals no ASCII word.
            let bytes = Array(term.precomposedStringWithCanonicalMapping.utf8)
            guard bytes.allSatisfy({ $0 < 0x80 }), let first = bytes.first else { continue }
            let second = bytes.count > 1 ? bytes[1] : 0
            set(TermFilter.slot(length: bytes.count, first: first, second: second))
            set(TermFilter.slot(length: bytes.count + 1, first: first, second: second))  // "YPAs"
        }
    }

    /// Whether the ASCII word `bytes` may be a term or a term's plural.
    func mayHold(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        let slot = TermFilter.slot(length: bytes.count, first: first, second: bytes.count > 1 ? bytes[1] : 0)
        return bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
    }

    private mutating func set(_ slot: Int) {
        bits[slot >> 6] |= 1 << UInt64(slot & 63)
    }

    /// One of 1,024 bits, from the three values mixed (splitmix64's finaliser).
    private static func slot(length: Int, first: UInt8, second: UInt8) -> Int {
        var z = UInt64(truncatingIfNeeded: length) << 16 | UInt64(first) << 8 | UInt64(second)
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 54)
    }
}
