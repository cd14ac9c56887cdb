import Foundation

/// A fast 64-bit hash for telling whether inputs changed (not for security): FNV-1a over 8-byte words, with each
/// piece's length mixed in so that "ab"+"c" and "a"+"bc" differ. Two lanes make a 128-bit fingerprint. A long text's
/// words go two at a time, one to each lane, so that the lanes' multiplications run side by side: hashing every
/// page's context and every content file was 1.2% of a build.
struct ChangeHash {
    fileprivate var a: UInt64 = 0xcbf2_9ce4_8422_2325
    fileprivate var b: UInt64 = 0x8422_2325_cbf2_9ce4

    private mutating func mix(_ word: UInt64) {
        a = (a ^ word) &* 0x0000_0100_0000_01b3
        b = (b ^ (word &+ 0x9e37_79b9_7f4a_7c15)) &* 0xff51_afd7_ed55_8ccd
        b ^= b >> 29
    }

    /// Eight bytes as one word, the first byte lowest, on any machine.
    @inline(__always)
    private func word(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        mix(UInt64(bytes.count))
        var offset = 0
        while offset + 16 <= bytes.count {
            a = (a ^ word(bytes, at: offset)) &* 0x0000_0100_0000_01b3
            b = (b ^ (word(bytes, at: offset + 8) &+ 0x9e37_79b9_7f4a_7c15)) &* 0xff51_afd7_ed55_8ccd
            b ^= b >> 29
            offset += 16
        }
        if offset + 8 <= bytes.count {
            mix(word(bytes, at: offset))
            offset += 8
        }
        var last: UInt64 = 0
        if offset < bytes.count, bytes.count >= 8 {
            // The last one to seven bytes, from one load of the eight that end the text: the same word as the loop
            // below makes, without a step per byte (most texts hashed are short).
            let ending = word(bytes, at: bytes.count - 8)
            last = ending >> UInt64(8 * (8 - (bytes.count - offset)))
        } else {
            var shift: UInt64 = 0
            while offset < bytes.count {
                last |= UInt64(bytes[offset]) << shift
                shift += 8
                offset += 1
            }
        }
        mix(last)
    }

    mutating func add(_ data: Data) {
        data.withUnsafeBytes { add($0) }
    }

    mutating func add(_ text: String) {
        // Read where the string keeps its bytes, without the copy `withUTF8` needs (a retain and a release).
        if text.utf8.withContiguousStorageIfAvailable({ add(UnsafeRawBufferPointer($0)) }) == nil {
            var text = text
            text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Adds one word as it is: a marker, or a hash made elsewhere.
    mutating func add(word: UInt64) {
        mix(word)
    }

    /// Adds a whole number as one word, after a marker that no text's length can be, so that a number never reads
    /// the same as a text (and no text need be made of it).
    mutating func add(_ number: Int) {
        mix(UInt64.max)
        mix(UInt64(bitPattern: Int64(number)))
    }

    /// Adds another hash as its two words (a document's front matter hash, without making text of it).
    mutating func add(_ hash: ChangeHash) {
        mix(hash.a)
        mix(hash.b)
    }

    /// Adds a sum of hashes (see `Sum`) as two words.
    mutating func add(_ sum: Sum) {
        mix(sum.a)
        mix(sum.b)
    }

    /// Hashes added together, so the order they come in does not matter (a dictionary's pairs).
    struct Sum {
        fileprivate var a: UInt64 = 0
        fileprivate var b: UInt64 = 0

        mutating func add(_ hash: ChangeHash) {
            // Each lane finished with a final mix, so that pairs differing in one bit do not cancel out in the sum.
            a = a &+ ChangeHash.finish(hash.a)
            b = b &+ ChangeHash.finish(hash.b)
        }
    }

    /// splitmix64's finaliser: spreads every input bit over the whole word.
    fileprivate static func finish(_ word: UInt64) -> UInt64 {
        var z = word &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// The two lanes in hexadecimal, without leading zeros, joined by "-" (as `String(_:radix: 16)` writes each).
    /// Written nibble by nibble into one buffer: the two texts and their joining took 2,000 instructions, for every
    /// page's key and every file's hash.
    var hex: String { Self.hex(words: (a, b)) }

    static func hex(words: (UInt64, UInt64)) -> String {
        let (a, b) = words
        return String(unsafeUninitializedCapacity: 33) { buffer in
            var count = 0
            func put(_ word: UInt64) {
                // From the highest nibble that is not zero (the lowest for zero), down to the lowest.
                var shift = Swift.max(0, (63 - word.leadingZeroBitCount) / 4 * 4)
                while shift >= 0 {
                    buffer[count] = ByteWords.hexDigits[Int((word >> UInt64(shift)) & 0xF)]
                    count += 1
                    shift -= 4
                }
            }
            put(a)
            buffer[count] = UInt8(ascii: "-")
            count += 1
            put(b)
            return count
        }
    }

    /// The hash of one text's UTF-8 bytes, as `BuildCache` hashes a file's bytes.
    static func hex(of text: String) -> String {
        var hash = ChangeHash()
        hash.add(text)
        return hash.hex
    }
}

extension ChangeHash {
    /// Its two words, as the decoded-document cache keeps a document's front matter hash.
    var words: (UInt64, UInt64) { (a, b) }

    init(words: (UInt64, UInt64)) {
        (a, b) = words
    }
}
