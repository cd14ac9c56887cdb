import Foundation
import Mustache

/// The compiled templates, one copy for each thread rendering at a time. Rendering retains and releases the
/// template's parts (its tokens, names and texts) at every token; with one copy shared by both cores, every such
/// count moved its memory from one core's cache to the other's. A copy is parsed again from the same text, so it
/// shares no parts with the others; a thread takes a copy no other thread is using and gives it back after the page.
///
/// A copy is worth its parsing only for a build that renders many pages. In a rebuild that can keep pages
/// (`shareFirst(forPages:)`), until that many pages have been rendered, a thread that finds no copy idle renders with
/// the first one, which another thread may be using at the same time (rendering only reads a library): a rebuild
/// after an edit renders a handful of pages, and parsing every template again for one of them was a tenth of its
/// time. A full build copies at once: its first pages (the register, the listings) are its largest.
final class TemplateCopies: @unchecked Sendable {
    private let lock = BriefLock()
    private var idle: [MustacheLibrary]
    private let first: MustacheLibrary
    private let sources: [(name: String, text: String)]
    private var rendered = 0
    private var sharedPages = 0
    /// How many copies were parsed, for the tests.
    private(set) var copiesMade = 0

    /// `first` is the library compiled (and checked) from `sources`, each a template's name and text.
    init(_ first: MustacheLibrary, sources: [(name: String, text: String)]) {
        self.idle = [first]
        self.first = first
        self.sources = sources
    }

    func withLibrary<Result>(_ body: (MustacheLibrary) -> Result) -> Result {
        let (taken, shares) = lock.withLock { () -> (MustacheLibrary?, Bool) in
            rendered += 1
            if let library = idle.popLast() { return (library, false) }
            return (nil, rendered <= sharedPages)
        }
        if shares { return body(first) }
        let library = taken ?? makeCopy()
        defer { lock.withLock { idle.append(library) } }
        return body(library)
    }

    /// Lets threads share the first library, rather than parse a copy, while fewer than `pages` pages are rendered.
    func shareFirst(forPages pages: Int) {
        lock.withLock { sharedPages = pages }
    }

    /// Every template parsed again. They parsed once already (`TemplateSet.init` reported any error), so none fails.
    private func makeCopy() -> MustacheLibrary {
        lock.withLock { copiesMade += 1 }
        var library = MustacheLibrary()
        for (name, text) in sources {
            if let template = try? MustacheTemplate(string: text) { library.register(template, named: name) }
        }
        return library
    }
}
