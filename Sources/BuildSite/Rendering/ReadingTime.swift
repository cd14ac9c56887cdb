/// How long a document takes to read, shown under its title so a resident knows what they are starting.
/// Counted at 200 words a minute, a common figure for reading reports on screen, over the text and the risk appendix.
enum ReadingTime {
    static let wordsPerMinute = 200

    static func words(in text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).filter { $0.contains { $0.isLetter || $0.isNumber } }.count
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
