/// Finds abbreviations in running text: words of 2 to 6 capital letters (`CAMHS`, `CLA`, also `CLAs`), so `check`
/// can say which ones the glossary does not explain. Roman numerals (`II`, `IV`, `XII`) and ordinary words set in
/// capitals for emphasis (`AND`, `NOT`) are not abbreviations and are skipped.
enum AbbreviationFinder {
    struct Found: Equatable {
        var abbreviation: String
        /// Characters from the start of the text.
        var offset: Int
    }

    static func find(in text: String) -> [Found] {
        var found: [Found] = []
        var word = ""
        var wordStart = 0
        var offset = 0
        func finish() {
            defer { word = "" }
            var candidate = Substring(word)
            if candidate.count > 2, candidate.last == "s" { candidate = candidate.dropLast() }
            guard (2...6).contains(candidate.count), candidate.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return }
            let abbreviation = String(candidate)
            guard !isRomanNumeral(abbreviation), !ordinaryWords.contains(abbreviation) else { return }
            found.append(Found(abbreviation: abbreviation, offset: wordStart))
        }
        for character in text {
            if character.isLetter || character.isNumber {
                if word.isEmpty { wordStart = offset }
                word.append(character)
            } else if !word.isEmpty {
                finish()
            }
            offset += 1
        }
        if !word.isEmpty { finish() }
        return found
    }

    /// I, V and X numerals as lists and annexes number them: II, IV, VII, XII, XIV.
    static func isRomanNumeral(_ word: String) -> Bool {
        guard word.allSatisfy({ "IVX".contains($0) }) else { return false }
        var rest = Substring(word)
        while rest.hasPrefix("X") { rest = rest.dropFirst() }
        if rest.count < word.count - 3 { return false }
        return ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"].contains(String(rest))
    }

    /// English words of 2 to 6 letters that reports put in capitals for emphasis or in headings.
    static let ordinaryWords: Set<String> = [
        "A", "AN", "AND", "THE", "OF", "TO", "IN", "ON", "AT", "BY", "FOR", "OR", "NOR", "BUT", "SO", "AS", "IF", "IS",
        "IT", "ITS", "BE", "BEEN", "ARE", "WAS", "WERE", "HAS", "HAVE", "HAD", "DO", "DOES", "DID", "NOT", "NO", "YES",
        "ALL", "ANY", "CAN", "MAY", "MUST", "WILL", "SHALL", "WE", "OUR", "US", "YOU", "YOUR", "THEY", "THEIR", "THEM",
        "HE", "SHE", "HIS", "HER", "WHO", "WHAT", "WHEN", "WHERE", "WHY", "HOW", "WHICH", "THIS", "THAT", "THESE",
        "THOSE", "WITH", "FROM", "INTO", "ONTO", "OVER", "UNDER", "UP", "DOWN", "OUT", "OFF", "THAN", "THEN", "ALSO",
        "ONLY", "VERY", "MORE", "MOST", "LESS", "SOME", "SUCH", "EACH", "BOTH", "NEW", "NOW", "OLD", "ONE", "TWO",
        "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "FIRST", "LAST", "NEXT", "NOTE", "NOTES",
        "PART", "ITEM", "ITEMS", "ANNEX", "PAGE", "RISK", "RISKS", "LOW", "HIGH", "RED", "AMBER", "GREEN", "TOTAL",
        "YEAR", "YEARS", "DATE", "NAME", "TITLE", "KEY", "PLAN", "AIM", "AIMS", "ACTION", "UPDATE", "REPORT", "AGENDA",
        "ABOUT", "AFTER", "BEFORE", "AGAIN", "EVERY", "NEVER", "OTHER", "SHOULD", "WOULD", "COULD", "THERE", "HERE",
        "OK", "AM", "PM", "MR", "MRS", "MS", "DR", "NB",
    ]
}
