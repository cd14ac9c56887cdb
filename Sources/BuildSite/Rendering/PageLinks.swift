import Mustache

/// Relative links between pages, so `Site/` works from any folder on any server and from `file://`.
/// Every page is `<folder>/index.html`; links name `index.html` so browsers opening files from disk find it too.
struct PageLinks: Sendable {
    /// The page's own folder, relative to the site root: "" for the home page, "deep-dives/x/" for a document.
    let pageFolder: String

    /// "../../" for a page two folders down.
    let root: String

    init(pageFolder: String) {
        self.pageFolder = pageFolder
        // One "../" for each part of the folder between slashes (counted by bytes, as every page is made).
        var parts = 0, previous = UInt8(ascii: "/")
        for byte in pageFolder.utf8 {
            if byte != UInt8(ascii: "/"), previous == UInt8(ascii: "/") { parts += 1 }
            previous = byte
        }
        self.root = String(repeating: "../", count: parts)
    }

    /// A page served at any address (the 404 page) links from the site's own path on its host, e.g. "/reports/".
    init(absoluteRoot: String) {
        self.pageFolder = ""
        self.root = absoluteRoot
    }

    /// A link to another page's folder (clean URL form, e.g. "minutes/").
    func page(_ folder: String) -> String { JoinedText.joined(root, folder, "index.html") }

    /// A link to a document's page, from its `contentPath` (its folder is `Document.urlPath`).
    func document(_ contentPath: String) -> String { JoinedText.joined(root, contentPath, "/index.html") }

    /// A link to a place on a document's page: `#` and the place's id after the page.
    func document(_ contentPath: String, fragment: String) -> String { JoinedText.joined(root, contentPath, "/index.html#", fragment) }

    /// A link to a file such as "assets/site.css".
    func file(_ path: String) -> String { JoinedText.joined(root, path) }

    /// The layout's breadcrumbs: each step's title and a link to its folder, from the home page down.
    func breadcrumbs(_ trail: [(title: String, folder: String)]) -> [TemplateContext] {
        trail.map { ["title": .text($0.title), "href": .text(page($0.folder))] }
    }
}
