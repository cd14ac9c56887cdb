import Testing
@testable import BuildSite

@Suite("Front matter decoding")
struct FrontMatterTests {
    @Test("A complete deep-dive decodes into typed values")
    func decodesDeepDive() throws {
        let (document, diagnostics) = decode("""
        ---
        type: deep-dive
        title: "Risk deep-dive: Safeguarding"
        date: 2024-03-22
        council: London Borough of Camden
        committee: Audit and Corporate Governance Committee
        tags: [safeguarding, children]
        risks:
          - id: "16"
            title: Safeguarding Children
            causes: [Staff oversight]
            current: {likelihood: 2, impact: 5}
            target: {likelihood: 2, impact: 5}
            controls:
              - Weekly audits
            actions:
              - action: Recruit social workers
                owner: Tim Aldridge
                due: Ongoing
                status: In progress
              - action: Review the plan
                due: 2024-06-30
                status: complete
        ---
        ## 1. Purpose

        1.1 Text.
        """)
        #expect(diagnostics == [])
        let deepDive = try #require(document)
        #expect(deepDive.type == .deepDive)
        #expect(deepDive.title == "Risk deep-dive: Safeguarding")
        #expect(deepDive.date.display == "22 March 2024")
        #expect(deepDive.tags == ["safeguarding", "children"])
        #expect(deepDive.bodyFirstLine == 25)
        let risk = try #require(deepDive.risks.first)
        #expect(risk.current.formula == "L2 × I5 = 10")
        #expect(risk.actions.map(\.due) == [.ongoing, .date(ContentDate(year: 2024, month: 6, day: 30))])
        #expect(risk.actions.map(\.status) == ["In progress", "Complete"])
    }

    @Test("A likelihood outside the matrix is an error at its own line and column")
    func likelihoodOutOfRange() {
        let (document, diagnostics) = decode("""
        ---
        type: deep-dive
        title: Risk
        date: 2024-03-22
        risks:
          - id: R1
            title: A risk
            current: {likelihood: 7, impact: 5}
        ---
        """)
        #expect(document == nil)
        #expect(diagnostics == ["Content/deep-dives/test.md:8:27: error: likelihood must be 1 to 5, found 7"])
    }

    @Test("Missing keys, unknown types and impossible dates are each reported with a location")
    func severalErrorsAtOnce() {
        let (_, diagnostics) = decode("""
        ---
        type: report
        date: 2025-02-30
        ---
        """)
        #expect(diagnostics.contains("Content/deep-dives/test.md:2:7: error: unknown type \"report\"; expected one of: deep-dive, annual-report, minutes, page"))
        #expect(diagnostics.contains("Content/deep-dives/test.md:2:1: error: the front matter has no 'title'; expected 'title: …' with text"))
        #expect(diagnostics.contains { $0.hasPrefix("Content/deep-dives/test.md:3:7: error: 'date' must be a real date") && $0.contains("2025-02-30") })
    }

    @Test("An unknown key is a warning that suggests the right one")
    func unknownKeyWarning() throws {
        let (document, diagnostics) = decode("""
        ---
        type: page
        title: About
        date: 2024-01-01
        sumary: Oops
        ---
        """)
        #expect(document != nil)
        #expect(diagnostics == ["Content/deep-dives/test.md:5:1: warning: unknown key 'sumary' in the front matter (did you mean 'summary'?); expected one of: type, title, date, council, committee, author, summary, tags, draft, discusses, risks"])
    }

    @Test("Plain scalars are text: 'yes'/'no' are flags only where a flag is read, keys compare as text")
    func plainScalarsAreText() throws {
        let (document, diagnostics) = decode("""
        ---
        type: page
        "title": yes
        date: 2024-01-01
        summary: 12
        tags: [yes, 1, "null"]
        draft: No
        ---
        """)
        #expect(diagnostics.isEmpty)
        #expect(document?.title == "yes")
        #expect(document?.summary == "12")
        #expect(document?.tags == ["yes", "1", "null"])
        #expect(document?.draft == false)
        #expect(decode("---\ntype: page\ntitle: T\ndate: 2024-01-01\ndraft: \"yes\"\n---\n").1
                == ["Content/deep-dives/test.md:5:8: error: 'draft' must be true or false; found \"yes\""])
        // A plain `yes` key and a quoted one are the same key to this program, so the second is refused.
        #expect(decode("---\ntype: page\ntitle: T\ndate: 2024-01-01\nyes: a\n\"yes\": b\n---\n").1
                == ["Content/deep-dives/test.md:5:1: error: the key 'yes' appears twice; expected each key once"])
    }

    @Test("YAML's words for no value leave a field out, and quoted they are text")
    func nullWordsLeaveFieldsOut() throws {
        let (document, diagnostics) = decode("""
        ---
        type: annual-report
        title: Annual report
        date: 2024-03-22
        summary: ~
        author: null
        council: NULL
        committee: Null
        tags: [a, ~, null, b]
        ---
        Text.
        """)
        #expect(diagnostics == [])
        let report = try #require(document)
        #expect(report.summary == nil)
        #expect(report.author == nil)
        #expect(report.council == nil)
        #expect(report.committee == nil)
        #expect(report.tags == ["a", "b"])

        // Only those words: others of one or four letters are text.
        let (near, _) = decode("---\ntype: annual-report\ntitle: Annual report\ndate: 2024-03-22\nauthor: nulL\ncouncil: none\nsummary: '-'\ntags: [Nul, x, NUL, nill]\n---\nText.\n")
        #expect(near?.author == "nulL" && near?.council == "none" && near?.summary == "-")
        #expect(near?.tags == ["Nul", "x", "NUL", "nill"])

        let (quoted, _) = decode("""
        ---
        type: annual-report
        title: "null"
        date: 2024-03-22
        summary: '~'
        author: !!str null
        tags: ["~"]
        ---
        Text.
        """)
        #expect(quoted?.title == "null")
        #expect(quoted?.summary == "~")
        #expect(quoted?.author == "null")
        #expect(quoted?.tags == ["~"])

        let (untitled, errors) = decode("---\ntype: annual-report\ntitle: ~\ndate: 2024-03-22\n---\nText.\n")
        #expect(untitled == nil)
        #expect(errors == ["Content/deep-dives/test.md:3:1: error: the front matter has no 'title'; expected 'title: …' with text"])
    }

    @Test("Broken YAML points at the line where the parser stopped")
    func invalidYAML() {
        let (_, diagnostics) = decode("---\ntype: page\ntitle: [unclosed\ndate: 2024-01-01\n---\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].hasPrefix("Content/deep-dives/test.md:"))
        #expect(diagnostics[0].contains(": error: invalid YAML:"))
    }

    @Test("A file without front matter, or never closed, says what is expected")
    func missingFrontMatter() {
        #expect(decode("# Hello\n").1 == ["Content/deep-dives/test.md:1:1: error: the file does not start with front matter; expected a first line '---', then keys such as 'type:', 'title:' and 'date:', then '---'"])
        #expect(decode("---\ntype: page\n").1 == ["Content/deep-dives/test.md:1:1: error: the front matter is never closed; expected a line '---' after the last key"])
        #expect(decode("").1.first?.contains("the file is empty") == true)
    }

    @Test("Dates keep the precision the source gives, and impossible dates are refused")
    func dates() {
        #expect(ContentDate(iso: "2023-09")?.display == "September 2023")
        #expect(ContentDate(iso: "2016")?.display == "2016")
        #expect(ContentDate(iso: "2024-02-29")?.display == "29 February 2024")
        #expect(ContentDate(iso: "2023-02-29") == nil)
        #expect(ContentDate(iso: "2024-13-45") == nil)
        #expect(ContentDate(iso: "24-3-1") == nil)
    }

    @Test("A date's texts, written digit by digit, are what formatting its numbers gives, for every precision")
    func dateTexts() {
        var generator = SystemRandomNumberGenerator()
        let years = [0, 7, 99, 999, 1000, 2024, 9999] + (0..<200).map { _ in Int.random(in: 1000...2200, using: &generator) }
        for year in years {
            for month in [nil, 1, 9, 10, 12] as [Int?] {
                for day in (month == nil ? [nil] : [nil, 1, 9, 10, 31]) as [Int?] {
                    let date = ContentDate(year: year, month: month, day: day)
                    var iso = String(format: "%04d", year)
                    if let month { iso += String(format: "-%02d", month) }
                    if let day { iso += String(format: "-%02d", day) }
                    #expect(date.iso == iso && date.description == iso)
                    #expect(date.firstDayISO == String(format: "%04d-%02d-%02d", year, month ?? 1, day ?? 1))
                    let display = month.map { ContentDate.monthNames[$0 - 1] + " \(year)" } ?? "\(year)"
                    #expect(date.display == (day.map { "\($0) " } ?? "") + display)
                    if year >= 1000, (day ?? 1) <= ContentDate.daysIn(month: month ?? 1, year: year) { #expect(ContentDate(iso: iso) == date) }
                }
            }
        }
        // Outside four digits the year is written as it is, padded to four, as before.
        #expect(ContentDate(year: 12345, month: 1, day: 2).iso == "12345-01-02")
        #expect(ContentDate(year: 12345, month: 1, day: 2).display == "2 January 12345")
        #expect(ContentDate(year: -5, month: 12).display == "December -5")
        #expect(ContentDate(year: -5).iso == "00-5")
    }

    /// The date as it was read before stop 20, Character by Character: the reference the byte reading must agree with.
    static func characterDate(_ text: String) -> ContentDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              zip(parts, [4, 2, 2]).allSatisfy({ $0.count == $1 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), year >= 1000 else { return nil }
        var date = ContentDate(year: year)
        if parts.count >= 2 {
            guard let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            date.month = month
        }
        if parts.count == 3, let month = date.month {
            guard let day = Int(parts[2]), (1...ContentDate.daysIn(month: month, year: year)).contains(day) else { return nil }
            date.day = day
        }
        return date
    }

    @Test("A date read as bytes is the date read Character by Character, on awkward and on generated texts")
    func datesAgreeWithCharacterReading() {
        let awkward = ["2024-03-01", "2024-03-", "2024--3", "2024-1-01", "2024-01-1", "0999", "1000", "9999-12-31", "2023-02-29",
                       "2000-02-29", "1900-02-29", "2024-04-31", "２０２４", "2024-0３-01", "2024\r\n", "-2024", "2024-",
                       "2024-03-01 ", " 2024", "2024-\u{301}03-01", "2024-03-01\u{301}", "2024-00-10", "2024-03-00", "", "-", "--"]
        for text in awkward {
            #expect(ContentDate(iso: text) == Self.characterDate(text), "\(text.debugDescription)")
        }
        let alphabet: [Character] = Array("0123456789--------12a ") + ["３", "\u{301}", "é"]
        var generator = SystemRandomNumberGenerator()
        var dates = 0
        for _ in 0..<30_000 {
            let text = String((0..<Int.random(in: 0...11, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "0" })
            #expect(ContentDate(iso: text) == Self.characterDate(text), "\(text.debugDescription)")
            if Self.characterDate(text) != nil { dates += 1 }
        }
        #expect(dates > 50)
    }

    @Test("Duplicate risk ids, bad due dates and unknown statuses are errors; a target above current is a warning")
    func riskValidation() {
        let (_, diagnostics) = decode("""
        ---
        type: deep-dive
        title: Risks
        date: 2024-03-22
        risks:
          - id: R1
            title: One
            current: {likelihood: 2, impact: 2}
            target: {likelihood: 3, impact: 3}
          - id: R1
            title: Two
            current: {likelihood: 1, impact: 1}
            actions:
              - action: Do it
                due: next week
                status: Pending
        ---
        """)
        #expect(diagnostics.contains("Content/deep-dives/test.md:9:13: warning: the target score L3 × I3 = 9 is worse than the current score L2 × I2 = 4; expected a target at or below the current score"))
        #expect(diagnostics.contains("Content/deep-dives/test.md:10:9: error: risk id 'R1' is used twice in this report (first at line 6); expected each risk id once"))
        #expect(diagnostics.contains("Content/deep-dives/test.md:15:14: error: due must be a date written YYYY-MM-DD or the word Ongoing; found \"next week\""))
        #expect(diagnostics.contains("Content/deep-dives/test.md:16:17: error: unknown status \"Pending\"; expected one of: Not started, In progress, Complete, Overdue, Ongoing"))
    }

    @Test("CRLF line endings and a byte-order mark are accepted")
    func crlfAndBOM() throws {
        let text = "\u{FEFF}---\r\ntype: page\r\ntitle: About\r\ndate: 2024-01-01\r\n---\r\nHello\r\n"
        let decoded = try #require(TextDecoding.decode(Data(text.utf8)))
        let (document, diagnostics) = decode(decoded)
        #expect(diagnostics == [])
        #expect(document?.body == "Hello")
    }
}

import Foundation
