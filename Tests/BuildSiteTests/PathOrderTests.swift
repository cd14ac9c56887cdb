import Testing
@testable import BuildSite

/// Paths sorted by their bytes must come out exactly as `String`'s `<` sorts them: the order decides the order
/// documents are read, fingerprinted and listed in.
@Suite("Paths sort as String sorts them")
struct PathOrderTests {
    /// Parts that sort differently by bytes and by letters, or not at all: capitals, digits, punctuation below and
    /// above the letters, a prefix of another part, and names outside ASCII (an accent composed and decomposed,
    /// which `String` holds equal, a letter past U+FFFF).
    static let parts = ["a", "A", "b", "B", "a-b", "a.b", "a_b", "a b", "a/b", "ab", "abc", "2024", "2024-01", "10", "9",
                        "~", "!", "", "café", "cafe\u{301}", "cafe", "Z", "𝔸", "é"]

    func randomPaths(_ count: Int, asciiOnly: Bool, using random: inout SystemRandomNumberGenerator) -> [String] {
        let parts = asciiOnly ? Self.parts.filter { $0.utf8.allSatisfy { $0 < 0x80 } } : Self.parts
        return (0..<count).map { _ in
            (0..<Int.random(in: 1...4, using: &random)).map { _ in parts.randomElement(using: &random) ?? "" }.joined(separator: "/")
        }
    }

    /// Paths of ASCII alone are sorted by their bytes; with a name outside ASCII, by `String` itself. Composed and
    /// decomposed names are equal to `String`, so any order among them is its order: the sorted paths are compared
    /// as `String` sees them.
    @Test("random paths come out as String sorts them, of ASCII alone or with names outside it", arguments: [true, false])
    func randomPaths(asciiOnly: Bool) {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var paths = randomPaths(Int.random(in: 0...60, using: &random), asciiOnly: asciiOnly, using: &random)
            let expected = paths.sorted()
            PathOrder.sort(&paths)
            #expect(paths.count == expected.count && zip(paths, expected).allSatisfy { $0 == $1 })
        }
    }

    @Test("items sort by the path they are given, carrying the rest with them")
    func itemsByPath() {
        var entries: [(name: String, size: Int)] = [("b", 1), ("a-b", 2), ("a", 3), ("A", 4), ("ab", 5)]
        PathOrder.sort(&entries) { $0.name }
        #expect(entries.map(\.name) == ["A", "a", "a-b", "ab", "b"])
        #expect(entries.map(\.size) == [4, 3, 2, 5, 1])
    }
}
