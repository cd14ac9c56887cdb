import Foundation
import Mustache

/// The site's Mustache templates from `Templates/`, each compiled once. A template is named by its file name without
/// `.mustache` (`document`, `risk-appendix`); the files under `Templates/assets/` are published as they are.
public struct TemplateSet: Sendable {
    public static let requiredTemplates = ["base", "home", "list", "document", "browse", "glossary", "search", "not-found",
                                           "register", "risk-history"]

    private let copies: TemplateCopies
    public let assetFiles: [String]
    /// The templates that mark the text Pagefind indexes (`data-pagefind-body`): which pages search reads (`SearchScope`).
    let searchBodyTemplates: Set<String>
    public let directory: URL

    public init(directory: URL, displayName: String) throws(BuildFailure) {
        self.directory = directory
        var bag = DiagnosticBag()
        var library = MustacheLibrary()
        var searchBodyTemplates: Set<String> = []
        var sources: [(name: String, text: String)] = []
        _ = HTMLEscaping.registered
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        if names.isEmpty {
            throw BuildFailure([.error(at: SourceLocation(path: displayName), "templates folder not found or empty; expected " + TemplateSet.requiredTemplates.map { $0 + ".mustache" }.joined(separator: ", "))])
        }
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let display = displayName + "/" + name
            // A template may be a link only to a file inside the templates folder: nothing is read from elsewhere.
            guard let real = ContentLoader.realPath(directory.appendingPathComponent(name).path),
                  real.hasPrefix((ContentLoader.realPath(directory.path) ?? directory.path) + "/") else {
                bag.error(SourceLocation(path: display), "this template is a link that points outside the templates folder or nowhere; expected a real file inside it")
                continue
            }
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path),
                  let text = TextDecoding.decode(data) else {
                bag.error(SourceLocation(path: display), "cannot read this template as UTF-8 text; expected a readable Mustache file")
                continue
            }
            do {
                let template = try MustacheTemplate(string: HTMLEscaping.pragma + text)
                let templateName = String(name.dropLast(".mustache".count))
                library.register(template, named: templateName)
                sources.append((templateName, HTMLEscaping.pragma + text))
                if ByteWords.contains(SearchScope.bodyMarker, in: text) { searchBodyTemplates.insert(templateName) }
            } catch let error as MustacheTemplate.ParserError {
                // The escaping line put before the template is not the author's: lines are counted without it.
                let line = Swift.max(1, error.context.lineNumber - HTMLEscaping.pragmaLines)
                bag.error(SourceLocation(path: display, line: line, column: error.context.columnNumber),
                          "template error: \(error.error); expected matching {{#section}} … {{/section}} tags")
            } catch {
                bag.error(SourceLocation(path: display), "template error: \(error)")
            }
        }
        for required in TemplateSet.requiredTemplates where library.getTemplate(named: required) == nil && !bag.hasErrors {
            bag.error(SourceLocation(path: displayName + "/" + required + ".mustache"), "this template is missing; expected it in the templates folder")
        }
        if bag.hasErrors { throw BuildFailure(bag.diagnostics) }
        self.copies = TemplateCopies(library, sources: sources)
        self.searchBodyTemplates = searchBodyTemplates
        self.assetFiles = TemplateSet.listAssets(in: directory.appendingPathComponent("assets"))
    }

    /// Renders a named template; values are HTML-escaped unless the template uses `{{{…}}}` (kept for `…HTML` fields).
    /// The page is UTF-8 bytes, written to its file as they are.
    func render(_ name: String, _ context: TemplateContext) -> MustacheOutput {
        let room = pageSizes.room(for: name)
        let page = copies.withLibrary { $0.render(MustacheValue.object(context), withTemplate: name, reservingCapacity: room) } ?? MustacheOutput()
        pageSizes.record(page.count, for: name)
        return page
    }

    /// For a rebuild that can keep the last build's pages and so renders few: threads share one compiled copy of the
    /// templates for the first pages, rather than parse another (`TemplateCopies`).
    func expectFewPages() {
        copies.shareFirst(forPages: 64)
    }

    /// How long each template's pages have been, so that the next one is rendered into a buffer with room for it.
    private let pageSizes = PageSizes()

    private static func listAssets(in folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)
            if !relative.hasPrefix(".") { files.append("assets/" + relative) }
        }
        return files.sorted()
    }
}
