import Testing
@testable import BuildSite

/// The eight-bytes-at-once tests must answer exactly as a byte-by-byte look would, whatever the other seven bytes
/// are: a borrow or carry from a neighbour must never make or hide an answer.
@Suite("Eight bytes tested at once answer as byte by byte")
struct ByteWordsTests {
    /// Neighbours that sit next to every edge the tests have: the ends of A–Z, NUL, the top of ASCII, bytes from
    /// 0x80, and the bytes the scans look for.
    static let neighbours: [UInt8] = [0x00, 0x01, 0x40, 0x41, 0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x7F, 0x80, 0xC1, 0xDA, 0xFF,
                                      0x0A, 0x0D, 0x26, 0x5B, 0x7B, 0x3C, 0x3E, 0x22, 0x27]

    static func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { ByteWords.load($0, at: 0) }
    }

    @Test("every byte, at every place among every neighbour: a capital, a given byte, a byte from 0x80")
    func everyByteEverywhere() {
        var wrong: [String] = []
        for filler in Self.neighbours {
            for place in 0..<8 {
                for byte in UInt8.min...UInt8.max {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[place] = byte
                    let word = Self.word(bytes)
                    if ByteWords.hasASCIICapital(word) != bytes.contains(where: { (0x41...0x5A).contains($0) }) {
                        wrong.append("capital \(byte) at \(place) among \(filler)")
                    }
                    if (ByteWords.nonASCII(word) != 0) != bytes.contains(where: { $0 >= 0x80 }) {
                        wrong.append("non-ASCII \(byte) at \(place) among \(filler)")
                    }
                    for sought in [byte, filler, 0x26, 0x0A, 0x3C] where (ByteWords.matching(sought, in: word) != 0) != bytes.contains(sought) {
                        wrong.append("\(sought) in \(bytes)")
                    }
                }
            }
        }
        let firstWrong = Array(wrong.prefix(10))  // the first few, not thousands, when a test is broken
        #expect(firstWrong.isEmpty)
    }

    @Test("the first capital found eight bytes at a time is the first found byte by byte, from any start")
    func firstCapitalAsByteByByte() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let count = Int.random(in: 0..<40, using: &random)
            // Mostly lower-case letters and bytes from 0x80, a capital now and then.
            let bytes = (0..<count).map { _ in Int.random(in: 0..<12, using: &random) == 0 ? UInt8.random(in: 0x41...0x5A, using: &random)
                                                                                         : Self.neighbours.filter { !(0x41...0x5A).contains($0) }.randomElement(using: &random) ?? 0 }
            let start = Int.random(in: 0...count, using: &random)
            let expected = bytes[start...].firstIndex(where: { (0x41...0x5A).contains($0) }) ?? count
            #expect(bytes.withUnsafeBufferPointer { ByteWords.firstASCIICapital(in: $0, from: start) } == expected, "\(bytes) from \(start)")
        }
    }

    @Test("a text holds a part by bytes exactly where Swift finds it by bytes, at either end, overlapping or not at all")
    func containsAsSwiftFinds() {
        var random = SystemRandomNumberGenerator()
        let pieces = ["a", "b", "ab", "é", "<!--", "-->", "data-pagefind-body", ""]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0..<8, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            let part = (0..<Int.random(in: 0..<3, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            let expected = part.isEmpty || Array(text.utf8).indices.contains { Array(text.utf8)[$0...].starts(with: part.utf8) }
            #expect(ByteWords.contains(part, in: text) == expected, "\(part.debugDescription) in \(text.debugDescription)")
        }
    }
}
