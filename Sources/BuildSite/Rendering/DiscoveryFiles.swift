import Mustache

/// The files search engines and feed readers look for: `sitemap.xml`, the Atom feed `feed.xml` and `robots.txt`.
/// Sitemaps and feeds need full addresses, so the first two are written only when `base_url` has a scheme and host.
extension SiteRenderer {
    /// The feed and `robots.txt`, which need only the documents: made among the other pages.
    func renderFeedAndRobots() -> [OutputFile] {
        let base = site.settings.baseURL
        guard SiteAddress.isAbsolute(base) else {
            return [discoveryFile("robots.txt") { "User-agent: *\nDisallow:\n" }]
        }
        return [
            discoveryFile("feed.xml") { feed() },
            discoveryFile("robots.txt") { "User-agent: *\nDisallow:\n\nSitemap: \(base)sitemap.xml\n" },
        ]
    }

    /// The sitemap, which lists every page, so it is made once they all are.
    func renderSitemap(pagePaths: [String]) -> [OutputFile] {
        guard SiteAddress.isAbsolute(site.settings.baseURL) else { return [] }
        let path = "sitemap.xml"
        if let reuse, reuse.keep(path, inputs: discoveryInputs(path, reuse: reuse)) { return [.kept(path)] }
        return [OutputFile(path: path, rendered: sitemap(pagePaths: pagePaths))]
    }

    /// Made from the settings and the documents' paths and front matter alone (the page paths follow from them), so
    /// kept when those are as at the last build (`PageReuse.documentsDigest`).
    private func discoveryFile(_ path: String, make: () -> String) -> OutputFile {
        if let reuse, reuse.keep(path, inputs: discoveryInputs(path, reuse: reuse)) { return .kept(path) }
        return OutputFile(path: path, text: make())
    }

    private func discoveryInputs(_ path: String, reuse: PageReuse) -> ChangeHash {
        var inputs = ChangeHash()
        inputs.add(path)
        inputs.add(reuse.documentsDigest)
        return inputs
    }

    /// Every HTML page but the 404 page, at its clean address; a document's page with its date as last change.
    /// Made at the very end of a build, on one core while the other has nothing left to do: so it is written as
    /// bytes into one buffer reserved in advance, as a page is (`MustacheOutput`): a String appended to line by
    /// line was checked at every append, 2 ms at 1,000 reports on one core.
    func sitemap(pagePaths: [String]) -> MustacheOutput {
        let dates = Dictionary(site.documents.map { ($0.urlPath + "index.html", $0.date.firstDayISO) }, uniquingKeysWith: { first, _ in first })
        let escaping = HTMLEscaping()
        let base = HTMLText.escape(site.settings.baseURL)
        let xml = MustacheOutput(capacity: 128 + pagePaths.count * (base.utf8.count + 80))
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
        var sorted = pagePaths
        PathOrder.sort(&sorted)
        for page in sorted where page != "404.html" && !page.hasPrefix("assets/") {
            xml.append("  <url><loc>")
            xml.append(base)
            escaping.appendEscaped(page.hasSuffix("index.html") ? String(page.utf8.dropLast("index.html".utf8.count)) ?? page : page, to: xml)
            xml.append("</loc>")
            if let date = dates[page] {
                xml.append("<lastmod>")
                xml.append(date)
                xml.append("</lastmod>")
            }
            xml.append("</url>\n")
        }
        xml.append("</urlset>\n")
        return xml
    }

    /// An Atom feed of the newest publications (`feed_limit` of them), newest first. A date given only as a month or
    /// year is its first day.
    func feed() -> String {
        let base = site.settings.baseURL
        let author = site.settings.publisher.isEmpty ? site.settings.title : site.settings.publisher
        let updated = site.documents.map(\.date).max().map(Self.atomDate) ?? "1970-01-01T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(HTMLText.escape(site.settings.language))">
          <title>\(HTMLText.escape(site.settings.title))</title>
          <subtitle>Reports, risk deep-dives and minutes published by \(HTMLText.escape(author))</subtitle>
          <link rel="self" type="application/atom+xml" href="\(HTMLText.escape(base))feed.xml"/>
          <link rel="alternate" type="text/html" href="\(HTMLText.escape(base))"/>
          <id>\(HTMLText.escape(base))</id>
          <updated>\(updated)</updated>
          <author><name>\(HTMLText.escape(author))</name></author>

        """
        for document in site.documents.lazy.filter({ $0.type != .page }).prefix(site.settings.feedLimit) {
            let address = HTMLText.escape(base + document.urlPath)
            xml += "  <entry>\n"
            xml += "    <title>\(HTMLText.escape(document.title))</title>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(address)\"/>\n"
            xml += "    <id>\(address)</id>\n"
            xml += "    <updated>\(Self.atomDate(document.date))</updated>\n"
            if let author = document.author { xml += "    <author><name>\(HTMLText.escape(author))</name></author>\n" }
            xml += "    <category term=\"\(HTMLText.escape(document.type.rawValue))\" label=\"\(HTMLText.escape(document.type.singularName))\"/>\n"
            for tag in document.tags { xml += "    <category term=\"\(HTMLText.escape(tag))\"/>\n" }
            let summary = [document.summary, [document.council, document.committee].compactMap { $0 }.joined(separator: ", ")]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " — ")
            if !summary.isEmpty { xml += "    <summary>\(HTMLText.escape(summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    static func atomDate(_ date: ContentDate) -> String { date.firstDayISO + "T00:00:00Z" }
}
