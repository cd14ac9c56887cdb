/// CSV injection (OWASP): a spreadsheet that opens a CSV file runs a cell starting with `=`, `+`, `-` or `@` as a
/// formula (`=HYPERLINK(…)`, `=cmd|…`), and tab or carriage return can hide such a start. The open data holds
/// authors' text as written, so text cells that start so get a leading single quote, which spreadsheets show as text
/// and never evaluate. Numbers are not text cells: `gap_to_target` of -3 stays -3. JSON is not a spreadsheet format
/// and keeps the text as it is.
enum SpreadsheetFormula {
    /// The text, with a leading `'` when a spreadsheet would read it as a formula. The first byte decides: each
    /// trigger is ASCII, and an ASCII byte first in UTF-8 is the first character.
    static func defused(_ text: String) -> String {
        switch text.utf8.first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
            return "'" + text
        default:
            return text
        }
    }
}
