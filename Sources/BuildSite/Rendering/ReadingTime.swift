import CTextScan

/// How long a document takes to read, shown under its title so a resident knows what they are starting.
/// Counted at 200 words a minute, a common figure for reading reports on screen, over the text and the risk appendix.
enum ReadingTime {
    static let wordsPerMinute = 200

    /// The white-space-separated pieces of the text that hold at least one letter or number ("—" is not a word).
    /// One pass over the UTF-8 bytes, Character by Character as `UTF8Characters` walks them: it runs over every text
    /// of every document, and splitting into Substrings with Unicode property look-ups per Character cost a tenth of
    /// a build. An ASCII byte followed by another is counted from a table without a branch: a branch on each byte's
    /// class was mispredicted at every word's edge, and the count was 1.6% of a build's samples. Runs of sixty-four
    /// ASCII bytes are counted in C with vector compares (`CTextScan`), and eight in a row as a machine word
    /// (`eightASCII`).
    static func words(in text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            // 1 while the piece so far holds a letter or number.
            var inWord = 0
            UTF8Characters.asciiClassBits.withUnsafeBufferPointer { classes in
                let end = bytes.count
                var index = 0
                while index < end {
                    // Blocks of sixty-four ASCII bytes with an ASCII byte (or the end) after them, counted in C with
                    // vector compares (`CTextScan`): each byte is a Character of its own, with no test per byte.
                    if index + 64 <= end, let base = bytes.baseAddress {
                        var words = 0
                        var stillInWord = UInt64(inWord)
                        let read = text_scan_ascii_words(base + index, end - index, &words, &stillInWord)
                        if read > 0 {
                            count += words
                            inWord = Int(stillInWord)
                            index += read
                            continue
                        }
                    }
                    // The same for eight. (The two are written out, not one function of the width: folded into one,
                    // with the width as an argument, the count took 0.4% more of a build's instructions.)
                    if index + 8 <= end {
                        let word = ByteWords.load(bytes, at: index)
                        if ByteWords.nonASCII(word) == 0, index + 8 == end || bytes[index + 8] < 0x80 {
                            let (words, stillInWord) = eightASCII(word, inWord: UInt64(inWord))
                            count += words
                            inWord = Int(stillInWord)
                            index += 8
                            continue
                        }
                    }
                    if bytes[index] < 0x80, index + 1 == end || bytes[index + 1] < 0x80 {
                        step(bytes[index], classes, &count, &inWord)
                        index += 1
                        continue
                    }
                    index = UTF8Characters.forEachInStretch(in: bytes, from: index) { _, character in
                        if character.isWhitespace {
                            count += inWord
                            inWord = 0
                        } else if character.isLetterOrNumber {
                            inWord = 1
                        }
                    }
                }
            }
            return count + inWord
        }
    }

    /// Eight ASCII bytes at once (the first lowest): how many words end in them, and whether a piece holding a letter
    /// or number is still open after them. Each byte is classed by comparisons on all eight together (`classes`), and
    /// "a letter or number since the last white space" spread along each run of other bytes in three shifts
    /// (`counted`): no step waits on the byte before, as `step` does (the count was 1.5% of a build's samples).
    @inline(__always)
    static func eightASCII(_ word: UInt64, inWord: UInt64) -> (words: Int, inWord: UInt64) {
        let (space, letterOrNumber) = classes(word)
        return counted(bits: 8, space: space, letterOrNumber: letterOrNumber, inWord: inWord)
    }

    /// The same for sixty-four ASCII bytes from `block`, counted by `CTextScan` as `words(in:)` counts each block
    /// of a run: for the tests, which check the C count against the bytes one by one.
    static func sixtyFourASCII(_ block: UnsafeRawPointer, inWord: UInt64) -> (words: Int, inWord: UInt64) {
        var words = 0
        var stillInWord = inWord
        _ = text_scan_ascii_words(block.assumingMemoryBound(to: UInt8.self), 64, &words, &stillInWord)
        return (words, stillInWord)
    }

    /// Eight ASCII bytes' classes, a bit per byte (byte 0 in bit 0): white space is tab to carriage return and space;
    /// letters and digits are A–Z, a–z and 0–9 (`UTF8Characters.asciiClassBits` says the same, which
    /// `WordScanTests` checks). Every byte is below 0x80, as `ByteWords.within` needs.
    @inline(__always)
    private static func classes(_ word: UInt64) -> (space: UInt64, letterOrNumber: UInt64) {
        @inline(__always) func gathered(_ tops: UInt64) -> UInt64 { ((tops >> 7) &* 0x0102_0408_1020_4080) >> 56 }
        let folded = word | ByteWords.ones &* 0x20  // A–Z as a–z; nothing else lands on a–z
        return (gathered(ByteWords.within(word, 9, 13) | ByteWords.within(word, 32, 32)),
                gathered(ByteWords.within(folded, 97, 122) | ByteWords.within(word, 48, 57)))
    }

    /// How many words end in `bits` bytes of these classes, and whether a piece holding a letter or number is still
    /// open after them: a word ends at white space after a piece that saw a letter or number, which is spread along
    /// each run of other bytes, the run open at byte 0 included, in doubling shifts.
    @inline(__always)
    private static func counted(bits: Int, space: UInt64, letterOrNumber: UInt64, inWord: UInt64) -> (words: Int, inWord: UInt64) {
        let all: UInt64 = bits == 64 ? ~0 : (1 << UInt64(bits)) - 1
        let other = ~space & all
        var seen = letterOrNumber | (other & ~(other &+ 1) & (0 &- inWord))
        var run = other
        var shift = 1
        while shift < bits {
            seen |= (seen << UInt64(shift)) & run & all
            run &= run << UInt64(shift)
            shift *= 2
        }
        let ended = space & ((seen << 1) | inWord)
        return (ended.nonzeroBitCount, (seen >> UInt64(bits - 1)) & 1)
    }

    /// One ASCII byte's step: a word is counted where white space follows a piece holding a letter or number.
    @inline(__always)
    private static func step(_ byte: UInt8, _ classes: UnsafeBufferPointer<UInt8>, _ count: inout Int, _ inWord: inout Int) {
        let bits = Int(classes[Int(byte)])
        let space = bits & 1
        count &+= inWord & space
        inWord = (inWord | bits >> 1) & (space ^ 1)
    }

    /// The body's words and every risk's texts' (its title, statement, update, causes, consequences, controls and
    /// actions), each counted where it is held, without a list made of them.
    static func words(in document: Document) -> Int {
        var count = words(in: document.body)
        func add(_ text: String?) { if let text { count += words(in: text) } }
        // Read in place, by index: `for risk in risks` would copy each risk, every one of its texts retained.
        let risks = document.risks
        for index in risks.indices {
            add(risks[index].title)
            add(risks[index].statement)
            add(risks[index].update)
            for text in risks[index].causes { add(text) }
            for text in risks[index].consequences { add(text) }
            for text in risks[index].controls { add(text) }
            let actions = risks[index].actions
            for action in actions.indices {
                add(actions[action].action)
                add(actions[action].impact)
                add(actions[action].resources)
            }
        }
        return count
    }

    /// "Reading time: about 12 minutes"; never less than a minute.
    static func text(for document: Document) -> String {
        let minutes = max(1, (words(in: document) + wordsPerMinute / 2) / wordsPerMinute)
        return minutes == 1 ? "Reading time: about 1 minute" : "Reading time: about \(minutes) minutes"
    }
}
