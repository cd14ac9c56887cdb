import Testing
@testable import BuildSite

/// The fingerprints in the build record must not change by accident: a changed hash makes the next rebuild render
/// every page again, and an unstable one makes every rebuild do so.
@Suite("Change hashes")
struct ChangeHashTests {
    /// The hash, written plainly: pairs of 8-byte words, one to each lane; then a word left over, to both; then the
    /// last bytes, one at a time into one word, to both.
    static func reference(_ bytes: [UInt8]) -> (UInt64, UInt64) {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4
        func mix(_ word: UInt64) {
            a = (a ^ word) &* 0x0000_0100_0000_01b3
            b = (b ^ (word &+ 0x9e37_79b9_7f4a_7c15)) &* 0xff51_afd7_ed55_8ccd
            b ^= b >> 29
        }
        func word(at offset: Int) -> UInt64 {
            (0..<8).reduce(0) { $0 | UInt64(bytes[offset + $1]) << UInt64(8 * $1) }
        }
        mix(UInt64(bytes.count))
        var offset = 0
        while offset + 16 <= bytes.count {
            a = (a ^ word(at: offset)) &* 0x0000_0100_0000_01b3
            b = (b ^ (word(at: offset + 8) &+ 0x9e37_79b9_7f4a_7c15)) &* 0xff51_afd7_ed55_8ccd
            b ^= b >> 29
            offset += 16
        }
        if offset + 8 <= bytes.count {
            mix(word(at: offset))
            offset += 8
        }
        var last: UInt64 = 0
        for (index, byte) in bytes[offset...].enumerated() { last |= UInt64(byte) << UInt64(8 * index) }
        mix(last)
        return (a, b)
    }

    @Test("A hash's text is its two lanes as String(_:radix: 16) writes them, joined by a dash")
    func hexText() {
        var generator = SystemRandomNumberGenerator()
        var hashes = (0..<2_000).map { _ -> ChangeHash in
            var hash = ChangeHash()
            hash.add(Int.random(in: Int.min...Int.max, using: &generator))
            return hash
        }
        hashes.append(ChangeHash())
        for hash in hashes {
            #expect(hash.hex == String(hash.words.0, radix: 16) + "-" + String(hash.words.1, radix: 16))
        }
        // Lanes with leading zero nibbles, and zero itself, through the same writer.
        for word: UInt64 in [0, 1, 0xF, 0x10, 0xABC, 1 << 63, UInt64.max, 0x0FFF_FFFF_FFFF_FFFF] {
            #expect(ChangeHash.hex(words: (word, word)) == String(word, radix: 16) + "-" + String(word, radix: 16))
        }
    }

    @Test("Texts of every length up to 64 bytes hash as the plainly written reference does")
    func matchesReference() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...64 {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                var hash = ChangeHash()
                bytes.withUnsafeBytes { hash.add($0) }
                #expect(hash.words == Self.reference(bytes), "length \(length)")
            }
        }
        var text = ChangeHash()
        text.add("Children’s services")
        #expect(text.words == Self.reference(Array("Children’s services".utf8)))
    }
}
