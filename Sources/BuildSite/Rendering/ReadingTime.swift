/// How long a document takes to read, shown under its title so a resident knows what they are starting.
/// Counted at 200 words a minute, a common figure for reading reports on screen, over the text and the risk appendix.
enum ReadingTime {
    static let wordsPerMinute = 200

    /// The white-space-separated pieces of the text that hold at least one letter or number ("—" is not a word).
    /// One pass over the UTF-8 bytes: it runs over every text of every document, and splitting into Substrings
    /// with Unicode property look-ups per Character cost a tenth of a build.
    static func words(in text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var pieceHasLetterOrNumber = false
            UTF8Characters.forEach(in: bytes) { _, character in
                if character.isWhitespace {
                    if pieceHasLetterOrNumber { count += 1 }
                    pieceHasLetterOrNumber = false
                } else if character.isLetterOrNumber {
                    pieceHasLetterOrNumber = true
                }
            }
            return pieceHasLetterOrNumber ? count + 1 : count
        }
    }

    static func words(in document: Document) -> Int {
        var count = words(in: document.body)
        for risk in document.risks {
            let texts = [risk.title, risk.statement, risk.update].compactMap { $0 } + risk.causes + risk.consequences + risk.controls
                + risk.actions.flatMap { [$0.action, $0.impact, $0.resources].compactMap { $0 } }
            count += texts.map(words(in:)).reduce(0, +)
        }
        return count
    }

    /// "Reading time: about 12 minutes"; never less than a minute.
    static func text(for document: Document) -> String {
        let minutes = max(1, (words(in: document) + wordsPerMinute / 2) / wordsPerMinute)
        return minutes == 1 ? "Reading time: about 1 minute" : "Reading time: about \(minutes) minutes"
    }
}
