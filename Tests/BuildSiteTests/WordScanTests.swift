import Testing
@testable import BuildSite

/// The byte-level scans (reading time, abbreviations, the paragraph-reference pre-check, marker resolution) must give
/// exactly what the Character-by-Character versions they replaced gave. Those versions are kept here as the
/// reference and run against hand-picked and generated text, non-ASCII included.
@Suite("Byte-level word scans agree with Characters")
struct WordScanTests {
    // MARK: The Character-level versions the scans replaced

    static func referenceWords(in text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).filter { $0.contains { $0.isLetter || $0.isNumber } }.count
    }

    static func referenceMark(_ text: String, glossary: Glossary, used: inout Set<String>) -> String {
        var result = ""
        var word = ""
        func flush() {
            defer { word = "" }
            guard !word.isEmpty else { return }
            var term = word
            var suffix = ""
            if glossary.entry(for: term) == nil, term.count > 2, term.hasSuffix("s") {
                term = String(term.dropLast())
                suffix = "s"
            }
            guard glossary.entry(for: term) != nil, !used.contains(term) else {
                result += word
                return
            }
            used.insert(term)
            result += MarkdownMarkers.abbreviation(term) + suffix
        }
        for character in text {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }

    static func referenceResolve(_ html: String, glossary: Glossary, glossaryHref: String) -> String {
        guard html.unicodeScalars.contains(where: MarkdownMarkers.isMarker) else { return html }
        var output = ""
        var scalars = html.unicodeScalars[...]
        while let start = scalars.firstIndex(where: { $0 == MarkdownMarkers.paragraphStart || $0 == MarkdownMarkers.abbreviationStart }) {
            output.unicodeScalars.append(contentsOf: scalars[..<start])
            let opener = scalars[start]
            let closer = opener == MarkdownMarkers.paragraphStart ? MarkdownMarkers.paragraphEnd : MarkdownMarkers.abbreviationEnd
            let afterOpener = scalars.index(after: start)
            guard let end = scalars[afterOpener...].firstIndex(of: closer) else {
                scalars = scalars[afterOpener...]
                continue
            }
            let name = String(String.UnicodeScalarView(scalars[afterOpener..<end]))
            if opener == MarkdownMarkers.paragraphStart {
                if output.hasSuffix("<p>") {
                    output.removeLast()
                    output += " id=\"\(HTMLText.escape(name))\">"
                }
            } else if let entry = glossary.entry(for: name) {
                output += "<a class=\"abbr-link\" href=\"\(HTMLText.escape(glossaryHref))#\(entry.id)\"><abbr title=\"\(HTMLText.escape(entry.meaning))\">\(HTMLText.escape(name))</abbr></a>"
            } else {
                output += HTMLText.escape(name)
            }
            scalars = scalars[scalars.index(after: end)...]
        }
        output.unicodeScalars.append(contentsOf: scalars)
        return output
    }

    /// The paragraph number's id as it was found from a String, Character by Character after the digits and dots.
    static func referenceLeadingNumberID(_ text: String) -> String? {
        let bytes = text.utf8
        var end = bytes.startIndex
        while end != bytes.endIndex, bytes[end] == UInt8(ascii: ".") || bytes[end] &- UInt8(ascii: "0") < 10 {
            bytes.formIndex(after: &end)
        }
        let number = text[..<end]
        if let next = text[end...].first, !next.isWhitespace { return nil }
        return ParagraphNumbers.id(for: number.hasSuffix(".") ? number.dropLast() : number)
    }

    // MARK: Text to try

    /// Hard cases for Characters: combining marks after ASCII letters, a prepended mark (U+0600) before ASCII,
    /// CR LF, no-break and ideographic spaces, letters and digits of other scripts, emoji with joiners and flags.
    static let awkward: [String] = [
        "1.1 The audit — found 12 issues.", "Café naïve ﬁnance", "CLAé", "CLA\u{301} rose", "e\u{301}CLA", "\u{600}CLA",
        "CLA’s plan", "CLA\u{200D}s", "line\r\nbreak\r\n", "no\u{A0}break and\u{3000}wide", "٣ ٤ ₂ Ⅻ ½", "👩‍👧 🇬🇧 x",
        "—", " ", "", "\t\u{B}\u{C}\u{1C}\u{1D}\u{1E}\u{1F}\u{85}", "YPAs, CLAS, CPs and cla", "a\u{301}\u{302} b\u{20DD}",
        "Ελληνικά ΚΕΦ", "日本語のCLA", "CLA日本", "x\u{E000}6.1\u{E001}y", "DfEs DFE DfE",
    ]

    static func generated(count: Int) -> [String] {
        let alphabet: [String] = ["C", "L", "A", "Y", "P", "s", "D", "f", "E", "a", "z", "0", "7", " ", " ", ",", ".", "’", "—",
                                  "é", "e\u{301}", "\u{301}", "\u{600}", "\u{200D}", "\u{212A}", "K", "S", "É", "\r", "\n", "\u{A0}", "日", "٣", "👩", "\u{1F1EC}", "\t", "-"]
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...16, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "" }.joined()
        }
    }

    // MARK: Tests

    @Test("Each ASCII byte's class is what Character says of it")
    func asciiClasses() {
        for byte in UInt8(0)..<0x80 {
            let fast = CharacterClass(ascii: byte), slow = CharacterClass(Character(Unicode.Scalar(byte)))
            #expect(fast.isWhitespace == slow.isWhitespace && fast.isLetterOrNumber == slow.isLetterOrNumber, "byte \(byte)")
        }
        let scalars = (0..<0x80).compactMap(Unicode.Scalar.init) + ["\u{85}", "\u{A0}", "\u{1680}", "\u{2028}", "\u{3000}", "\u{200B}", "é", "\u{301}"]
        for scalar in scalars {
            #expect(CharacterClass.isWhitespace(scalar) == scalar.properties.isWhitespace, "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test("Eight ASCII bytes at once count and carry as the bytes one by one do, each byte at each place, after a word or not")
    func readingTimeEightBytes() {
        func oneByOne(_ bytes: [UInt8], inWord: Int) -> (Int, Int) {
            var count = 0, inWord = inWord
            for byte in bytes {
                let character = CharacterClass(ascii: byte)
                if character.isWhitespace { count += inWord; inWord = 0 } else if character.isLetterOrNumber { inWord = 1 }
            }
            return (count, inWord)
        }
        func check(_ bytes: [UInt8], inWord: Int) {
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            let fast = ReadingTime.eightASCII(word, inWord: UInt64(inWord))
            #expect(fast.words == oneByOne(bytes, inWord: inWord).0 && Int(fast.inWord) == oneByOne(bytes, inWord: inWord).1, "\(bytes) after \(inWord)")
        }
        for byte in UInt8(0)..<0x80 {
            for place in 0..<8 {
                for filler in [UInt8(ascii: "a"), UInt8(ascii: " "), UInt8(ascii: "-")] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[place] = byte
                    check(bytes, inWord: 0)
                    check(bytes, inWord: 1)
                }
            }
        }
        let alphabet = Array("aZ09 \t\n\r-—.,|*#".utf8.filter { $0 < 0x80 })
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            check((0..<8).map { _ in alphabet.randomElement(using: &generator) ?? 0 }, inWord: Int.random(in: 0...1, using: &generator))
        }
    }

    @Test("Sixty-four ASCII bytes at once count and carry as the bytes one by one do; long texts count as the Character split did")
    func readingTimeSixtyFourBytes() {
        let alphabet = Array("aZ09 \t\n\r-.,|*#".utf8)
        var generator = SystemRandomNumberGenerator()
        // Random blocks, and a letter followed by a run of dashes of every length at every place, so that a piece
        // reaches across every distance (and across the block when the run reaches its end).
        var blocks = (0..<5_000).map { _ in ((0..<64).map { _ in alphabet.randomElement(using: &generator) ?? 0 }, Int.random(in: 0...1, using: &generator)) }
        for start in 0..<64 {
            for length in 0..<(64 - start) {
                var bytes = [UInt8](repeating: UInt8(ascii: " "), count: 64)
                bytes[start] = UInt8(ascii: "a")
                for place in start + 1..<start + 1 + length where place < 64 { bytes[place] = UInt8(ascii: "-") }
                blocks.append((bytes, 0))
                blocks.append((bytes.map { $0 == UInt8(ascii: "a") ? UInt8(ascii: "-") : $0 }, 1))
            }
        }
        for (bytes, inWord) in blocks {
            var expected = (count: 0, inWord: inWord)
            for byte in bytes {
                let character = CharacterClass(ascii: byte)
                if character.isWhitespace { expected = (expected.count + expected.inWord, 0) } else if character.isLetterOrNumber { expected.inWord = 1 }
            }
            let fast = bytes.withUnsafeBytes { ReadingTime.sixtyFourASCII($0.baseAddress.unsafelyUnwrapped, inWord: UInt64(inWord)) }
            #expect(fast.words == expected.count && Int(fast.inWord) == expected.inWord, "\(bytes) after \(inWord)")
        }
        for _ in 0..<2_000 {
            // ASCII texts of up to several blocks, with an accent now and then to break a block.
            var text = String(decoding: (0..<Int.random(in: 0..<300, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? 0 }, as: UTF8.self)
            if Bool.random(using: &generator), !text.isEmpty { text.insert("é", at: text.index(text.startIndex, offsetBy: Int.random(in: 0..<text.count, using: &generator))) }
            #expect(ReadingTime.words(in: text) == Self.referenceWords(in: text), "\(text.debugDescription)")
        }
        let generated = Self.generated(count: 3_000)
        for start in stride(from: 0, to: generated.count - 12, by: 12) {
            let text = generated[start..<start + 12].joined(separator: Bool.random(using: &generator) ? " " : "")
            #expect(ReadingTime.words(in: text) == Self.referenceWords(in: text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("Reading time counts words with non-ASCII letters, digits and spaces as the Character split did")
    func readingTimeWords() {
        #expect(ReadingTime.words(in: "Café naïve — ½ 日本語") == 4)
        #expect(ReadingTime.words(in: "no\u{A0}break") == 2)
        #expect(ReadingTime.words(in: "line\r\nbreak") == 2)
        for text in Self.awkward + Self.generated(count: 20_000) {
            #expect(ReadingTime.words(in: text) == Self.referenceWords(in: text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("Abbreviations match whole words only: a non-ASCII letter or mark after or before a term is part of the word")
    func abbreviationWords() {
        let glossary = Glossary(["CLA": "Children looked after", "YPA": "x", "DfE": "y", "CP": "z"])
        for text in ["CLAé", "CLA\u{301}", "e\u{301}CLA", "日本CLA"] {
            var used = Set<String>()
            #expect(Abbreviations.mark(text, glossary: glossary, used: &used) == text, "\(text)")
        }
        var used = Set<String>()
        #expect(Abbreviations.mark("CLA’s", glossary: glossary, used: &used) == MarkdownMarkers.abbreviation("CLA") + "’s")
    }

    @Test("A lower-case glossary term still matches: the skip for text without capitals is off for such glossaries")
    func lowerCaseTerm() {
        let glossary = Glossary(["nhs": "National Health Service"])
        #expect(!glossary.everyTermHasASCIICapital)
        var used = Set<String>()
        #expect(Abbreviations.mark("the nhs plan", glossary: glossary, used: &used) == "the \(MarkdownMarkers.abbreviation("nhs")) plan")
    }

    @Test("Terms match canonically equal text; a term whose only capital is K or carries a mark turns the skip off")
    func canonicalEquivalents() {
        #expect(Glossary(["CLA": "a", "DfE": "b", "KS": "c"]).everyTermHasASCIICapital)
        for (term, text, skips) in [("KS", "\u{212A}S", true), ("E\u{301}D", "\u{C9}D", true), ("K", "\u{212A}", false), ("E\u{301}", "\u{C9}", false),
                                    ("\u{212A}PI", "KPI", true)] {
            let glossary = Glossary([term: "x"])
            #expect(glossary.everyTermHasASCIICapital == skips, "\(term)")
            var used = Set<String>()
            #expect(Abbreviations.mark("a \(text) b", glossary: glossary, used: &used) == "a \(MarkdownMarkers.abbreviation(text)) b")
        }
    }

    @Test("A paragraph's number is found in its bytes as it was in its Characters")
    func paragraphNumbers() {
        func id(_ text: String) -> String? { Array(text.utf8).withUnsafeBufferPointer { ParagraphNumbers.leadingNumberID(in: $0) } }
        #expect(id("6.47. Title") == "para-6-47")
        #expect(id("1.1\u{A0}In accordance") == "para-1-1")
        #expect(id("1.1") == "para-1-1")
        #expect(id("6.4\u{301} x") == nil)
        #expect(id("14. A list") == nil)
        var generator = SystemRandomNumberGenerator()
        let pieces = ["1", "2", "47", "12345", ".", ".", " ", "\u{A0}", "\u{3000}", "\u{301}", "\r\n", "\t", "x", "é", "👩", "\u{85}", "\u{1C}"]
        let texts = Self.awkward + ["6.47.. x", ".1.2 x", "1..2 x", "1.2.3.4.5 x", " 1.1 x", "1.1 \u{301}x"] + (0..<20_000).map { _ in
            (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
        }
        for text in texts {
            #expect(id(text) == Self.referenceLeadingNumberID(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("The term filter lets through every term and its plural, and stops words that share no length and start with one")
    func termFilter() {
        let filter = TermFilter(terms: ["CLA", "DfE", "\u{212A}PI", "Cé"])
        func holds(_ word: String) -> Bool { Array(word.utf8).withUnsafeBufferPointer { filter.mayHold($0) } }
        for word in ["CLA", "CLAs", "DfE", "DfEs", "KPI", "KPIs"] { #expect(holds(word), "\(word)") }
        for word in ["The", "Our", "A", "Council", "CL", "CLAIMS"] { #expect(!holds(word), "\(word)") }
        var used = Set<String>()
        #expect(Abbreviations.mark("the KPIs", glossary: Glossary(["\u{212A}PI": "x"]), used: &used) == "the \(MarkdownMarkers.abbreviation("KPI"))s")
    }

    @Test("Abbreviation marking agrees with the Character version on awkward and generated text")
    func abbreviationsAgree() {
        for glossary in [Glossary(["CLA": "a", "YPA": "b", "DfE": "c", "DFE": "d", "CP": "e", "Cé": "f"]), Glossary(["CLA": "a", "as": "g"]),
                         Glossary(["KS": "h", "CP": "e"]), Glossary(["E\u{301}D": "i", "CP": "e"]), Glossary(["\u{212A}S": "j", "CP": "e"])] {
            var used = Set<String>(), referenceUsed = Set<String>()
            for text in Self.awkward + Self.generated(count: 20_000) {
                if Int.random(in: 0..<50) == 0 { used = []; referenceUsed = [] }
                #expect(Abbreviations.mark(text, glossary: glossary, used: &used) == Self.referenceMark(text, glossary: glossary, used: &referenceUsed),
                        "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
                #expect(used == referenceUsed)
            }
        }
    }

    @Test("Marker resolution agrees with the scalar version, broken and non-ASCII marks included")
    func markersAgree() {
        let glossary = Glossary(["CLA": "Children \"looked\" after", "日本": "Japan"])
        let pieces = ["<p>", "\u{E000}para-6-1\u{E001}", "\u{E002}CLA\u{E003}", "\u{E002}日本\u{E003}", "\u{E002}XYZ\u{E003}", "\u{E000}",
                      "\u{E001}", "\u{E002}", "\u{E003}", "text ", "é", "\u{600}", "<p>\u{E000}a&b\u{E001}", "\n", "\u{E004}", "\u{F000}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let html = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            #expect(HTMLPostProcessor.resolveMarkers(html, glossary: glossary, glossaryHref: "../g&.html")
                    == Self.referenceResolve(html, glossary: glossary, glossaryHref: "../g&.html"), "\(html.debugDescription)")
        }
    }

    @Test("The pre-check for references lets through every text the expression matches, and not paragraph marks")
    func paragraphReferencePreCheck() {
        for text in ["paragraph 1.1", "PARAS 1.1", "see Para. 2.2", "para\u{A0}2.2", "pparagraph", "paraſ"] {
            #expect(CrossReferences.mayReferToParagraph(text), "\(text)")
        }
        for text in ["\u{E000}para-6-47\u{E001}6.47. The audit", "separate", "comparable", "para", "pará", "p\u{301}ara"] {
            #expect(!CrossReferences.mayReferToParagraph(text), "\(text)")
        }
        let pieces = ["para", "Para", "PARAS", "graph", "graphs", "s", ".", " ", "\u{A0}", "\t", "6", ".2", "1.1", " and ", ", ",
                      "–", "-", "to", "x", "é", "\u{E000}", "para-1-1", "\u{2003}", "٣", "ſ"]
        var generator = SystemRandomNumberGenerator()
        var matching = 0
        for _ in 0..<20_000 {
            func some() -> String { (0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined() }
            // Half the texts are built around a likely reference, so that plenty match.
            let likely = (["para", "Para", "PARAS", "paragraph", "paragraphs", "paras.", "paraſ"].randomElement(using: &generator) ?? "")
                + ([" ", "\u{A0}", "\t", "  ", "\u{2003}"].randomElement(using: &generator) ?? "") + "1." + String(Int.random(in: 1...9, using: &generator))
            let text = Bool.random(using: &generator) ? some() + likely + some() : some() + some()
            if text.firstMatch(of: CrossReferences.reference) != nil {
                matching += 1
                #expect(CrossReferences.mayReferToParagraph(text), "\(text.debugDescription)")
            }
        }
        #expect(matching > 1_000)
        for sample in ["paragraph 1.1", "see paras. 1.2", "PARAS\u{A0}1.3", "x paragraph\t1.4 y"] {
            #expect(sample.firstMatch(of: CrossReferences.reference) != nil, "\(sample.debugDescription)")
        }
    }
}
