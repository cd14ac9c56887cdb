import Testing
@testable import BuildSite

@Suite("Texts joined at their whole length at once")
struct JoinedTextTests {
    @Test("Joining two to four texts gives what + gives, short or long, empty or not, ASCII or not")
    func joinedIsConcatenation() {
        let pieces = ["", "a", "../../", "deep-dives/2024-03-camden-safeguarding-children", "/index.html#", "risk-r1",
                      "é", "£40,000 – “quoted”", "😀", String(repeating: "abcdefgh", count: 40)]
        for a in pieces {
            for b in pieces {
                #expect(JoinedText.joined(a, b) == a + b)
                for c in pieces {
                    for d in ["", "x", "risk-r16", "ß😀"] {
                        let joined = JoinedText.joined(a, b, c, d)
                        #expect(joined == a + b + c + d)
                        #expect(joined.utf8.count == a.utf8.count + b.utf8.count + c.utf8.count + d.utf8.count)
                    }
                }
            }
        }
    }

    @Test("A link to a document's page, and to a place on it, from a page two folders down")
    func documentLinks() {
        let links = PageLinks(pageFolder: "risks/r1/")
        #expect(links.document("deep-dives/2024-03-x") == "../../deep-dives/2024-03-x/index.html")
        #expect(links.document("deep-dives/2024-03-x", fragment: "risk-r1") == "../../deep-dives/2024-03-x/index.html#risk-r1")
        #expect(links.page("minutes/") == "../../minutes/index.html")
    }
}
