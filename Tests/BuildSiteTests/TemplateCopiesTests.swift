import Foundation
import Mustache
import Testing
@testable import BuildSite

@Suite("Compiled templates: a copy per rendering thread, but none for a rebuild's few pages")
struct TemplateCopiesTests {
    static func copies() throws -> TemplateCopies {
        let sources = [(name: "page", text: "<p>{{title}}</p>")]
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: sources[0].text), named: "page")
        return TemplateCopies(library, sources: sources)
    }

    /// Renders with a library while another render is under way, as a second thread does.
    static func renderTwoAtOnce(_ copies: TemplateCopies) -> [String] {
        copies.withLibrary { outer in
            let inner = copies.withLibrary { $0.render(["title": "inner"], withTemplate: "page") ?? "" }
            return [outer.render(["title": "outer"], withTemplate: "page") ?? "", inner]
        }
    }

    @Test("A full build parses a copy as soon as two pages render at once; both render the same")
    func fullBuildCopies() throws {
        let copies = try Self.copies()
        #expect(Self.renderTwoAtOnce(copies) == ["<p>outer</p>", "<p>inner</p>"])
        #expect(copies.copiesMade == 1)
        #expect(Self.renderTwoAtOnce(copies) == ["<p>outer</p>", "<p>inner</p>"])
        #expect(copies.copiesMade == 1, "the copy is reused")
    }

    @Test("A rebuild shares the first library for its first pages, then copies as a full build does")
    func rebuildShares() throws {
        let copies = try Self.copies()
        copies.shareFirst(forPages: 4)
        #expect(Self.renderTwoAtOnce(copies) == ["<p>outer</p>", "<p>inner</p>"])
        #expect(Self.renderTwoAtOnce(copies) == ["<p>outer</p>", "<p>inner</p>"])
        #expect(copies.copiesMade == 0, "four pages rendered with the one library")
        #expect(Self.renderTwoAtOnce(copies) == ["<p>outer</p>", "<p>inner</p>"])
        #expect(copies.copiesMade == 1)
    }
}
