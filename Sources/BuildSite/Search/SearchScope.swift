/// Which of the site's pages Pagefind reads. It reads every page it is given to look for the text it indexes
/// (`data-pagefind-body`), and only a document's page has that text; a listing, the register or a risk's history
/// has none. At 10,000 reports, giving Pagefind only the folders that hold documents' pages took its reading of the
/// site from 29 to 22 s, and the index it made was byte for byte the same.
public struct SearchScope: Sendable, Equatable {
    /// The attribute that marks a page's indexed text, in the document template.
    static let bodyMarker = "data-pagefind-body"

    /// Pagefind's `--glob` (`{annual-reports/**/*.html,…}`): the site's top-level folders and files that hold a
    /// document's page or an HTML file copied from `Content/`; nil makes Pagefind read every page.
    let glob: String?

    /// Every page of the site.
    static let everyPage = SearchScope(glob: nil)

    private init(glob: String?) {
        self.glob = glob
    }

    /// nil (every page) when a template other than the document's marks indexed text, since its pages must be read
    /// too, or when a top-level name holds a character that a glob reads as a pattern.
    init(site: SiteModel, templates: TemplateSet) {
        guard templates.searchBodyTemplates.subtracting(["document"]).isEmpty else {
            glob = nil
            return
        }
        var patterns: Set<String> = []
        for path in site.documents.map(\.urlPath) + site.staticFiles.filter({ $0.hasSuffix(".html") }) {
            let parts = path.split(separator: "/", maxSplits: 1)
            guard let top = parts.first else { continue }
            guard top.allSatisfy(Self.isLiteral) else {
                glob = nil
                return
            }
            // A document's page is always in a folder ("about/index.html"); a copied file may be at the top.
            patterns.insert(parts.count > 1 || path.hasSuffix("/") ? top + "/**/*.html" : String(top))
        }
        glob = patterns.isEmpty ? nil : "{" + patterns.sorted().joined(separator: ",") + "}"
    }

    /// Letters, digits, and `-`, `_`, `.` and space: characters a glob reads as themselves (Pagefind's glob crate
    /// gives meaning to `*?[]{}()<>:,!$\` and more).
    private static func isLiteral(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "-_. ".contains(character)
    }
}
