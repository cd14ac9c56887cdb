import Foundation
import Mustache

/// The compiled templates, one copy for each thread rendering at a time. Rendering retains and releases the
/// template's parts (its tokens, names and texts) at every token; with one copy shared by both cores, every such
/// count moved its memory from one core's cache to the other's. A copy is parsed again from the same text, so it
/// shares no parts with the others; a thread takes a copy no other thread is using and gives it back after the page.
final class TemplateCopies: @unchecked Sendable {
    private let lock = BriefLock()
    private var idle: [MustacheLibrary]
    private let sources: [(name: String, text: String)]

    /// `first` is the library compiled (and checked) from `sources`, each a template's name and text.
    init(_ first: MustacheLibrary, sources: [(name: String, text: String)]) {
        self.idle = [first]
        self.sources = sources
    }

    func withLibrary<Result>(_ body: (MustacheLibrary) -> Result) -> Result {
        let library = lock.withLock { idle.popLast() } ?? makeCopy()
        defer { lock.withLock { idle.append(library) } }
        return body(library)
    }

    /// Every template parsed again. They parsed once already (`TemplateSet.init` reported any error), so none fails.
    private func makeCopy() -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in sources {
            if let template = try? MustacheTemplate(string: text) { library.register(template, named: name) }
        }
        return library
    }
}
