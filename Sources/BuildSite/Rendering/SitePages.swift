import Mustache

/// The pages every site has besides its documents and listings: the glossary, the search page and the 404 page.
extension SiteRenderer {
    /// Folders build-site writes pages into; no document may be published inside them.
    static let generatedFolders: Set<String> = Set(BrowseFacet.allCases.map(\.folder) + ["glossary", "search", "pagefind", "risks"])

    /// Every abbreviation in `glossary.yml` with its meaning, each a link target for the `<abbr>` links in documents.
    func renderGlossary() -> OutputFile? {
        guard !glossary.isEmpty else { return nil }
        let folder = "glossary/"
        let links = PageLinks(pageFolder: folder)
        var context = pageContext(title: "Glossary of abbreviations", folder: folder, links: links,
                                  description: "What the abbreviations in the reports and minutes on \(site.settings.title) stand for.")
        context["entries"] = .objects(glossary.entries.map { ["term": .text($0.term), "meaning": .text($0.meaning), "id": .text($0.id)] })
        context["breadcrumbs"] = .objects(links.breadcrumbs([("Home", "")]))
        context["hasBreadcrumbs"] = true
        return page(folder + "index.html", "glossary", context)
    }

    /// A search form for Pagefind's index, with the listing pages for readers without JavaScript or without an index.
    func renderSearchPage() -> OutputFile {
        let folder = "search/"
        let links = PageLinks(pageFolder: folder)
        var context = pageContext(title: "Search", folder: folder, links: links,
                                  description: "Search the full text of every publication on \(site.settings.title).")
        context["browse"] = .objects(browseLinks(links))
        context["pagefindScript"] = .text(links.file("pagefind/pagefind.js"))
        context["searchScript"] = .text(links.file("assets/search.js"))
        context["breadcrumbs"] = .objects(links.breadcrumbs([("Home", "")]))
        context["hasBreadcrumbs"] = true
        context["isSearch"] = true
        return page(folder + "index.html", "search", context)
    }

    /// The page a web server shows for an address that does not exist. It can be shown at any depth, so its links
    /// start from the site's own path on its host (from `base_url`), not from its own folder.
    func renderNotFound() -> OutputFile {
        let links = PageLinks(absoluteRoot: SiteAddress.path(of: site.settings.baseURL))
        var context = pageContext(title: "Page not found", folder: "", links: links,
                                  description: "The page you asked for is not on \(site.settings.title).")
        context["canonicalURL"] = nil
        context["browse"] = .objects(browseLinks(links))
        return page("404.html", "not-found", context)
    }
}

/// The parts of `base_url` that links and feeds need.
enum SiteAddress {
    /// An address with scheme and host, which sitemaps and feeds require.
    static func isAbsolute(_ baseURL: String) -> Bool {
        baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")
    }

    /// The path on the host: "/reports/" for "https://example.org/reports/", "/" for "https://example.org".
    static func path(of baseURL: String) -> String {
        var path = baseURL
        if isAbsolute(baseURL), let scheme = baseURL.range(of: "://") {
            let afterHost = baseURL[scheme.upperBound...].firstIndex(of: "/")
            path = afterHost.map { String(baseURL[$0...]) } ?? "/"
        }
        if !path.hasPrefix("/") { path = "/" + path }
        return path.hasSuffix("/") ? path : path + "/"
    }
}
