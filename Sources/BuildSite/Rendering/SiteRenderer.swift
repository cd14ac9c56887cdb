import Foundation

/// Renders the site model into files: the home page, a listing per type, and a page per document.
/// It reads nothing from disk but the templates it was given, and writes nothing: the writer does that.
public struct SiteRenderer: Sendable {
    public let templates: TemplateSet
    public let site: SiteModel
    let markdown: MarkdownRenderer
    /// Documents by type, by path and by the report they discuss, worked out once: asking the model on every page
    /// would make a build of N documents cost N².
    let index: SiteIndex
    /// Every risk of every report, matched across reports by council and id (RiskRegisterPage.swift).
    let riskRegister: RiskRegister
    let glossary: Glossary
    /// The ways to browse that have at least one group on this site.
    let facets: [BrowseFacet]

    public init(templates: TemplateSet, site: SiteModel) {
        self.templates = templates
        self.site = site
        self.markdown = MarkdownRenderer(allowRawHTML: site.settings.allowRawHTML)
        self.riskRegister = RiskRegister(site: site)
        self.index = SiteIndex(site)
        self.glossary = Glossary(site.glossary)
        self.facets = BrowseFacet.allCases.filter { !$0.groups(in: site.documents).isEmpty }
    }

    /// `progress` is told (documents done, total) as each document page is rendered, for long builds' progress line.
    public func renderAll(progress: (@Sendable (Int, Int) -> Void)? = nil) -> [OutputFile] {
        var files = [renderHome()]
        for type in DocumentType.allCases where !index.documents(of: type).isEmpty {
            files += renderListing(type)
        }
        files += renderBrowsePages()
        // Document pages are independent, so they are rendered on every core, in the model's order.
        let total = site.documents.count
        let done = ProgressCounter()
        files += site.documents.concurrentMap { document in
            defer { progress?(done.increment(), total) }
            return renderDocument(document)
        }
        files += renderRiskPages()
        files += [renderGlossary(), renderSearchPage(), renderNotFound()].compactMap { $0 }
        files += templates.assetFiles.map { OutputFile(path: $0, copying: templates.directory.appendingPathComponent($0)) }
        files += renderDiscoveryFiles(pages: files)
        return files
    }

    // MARK: Pages

    func renderHome() -> OutputFile {
        let links = PageLinks(pageFolder: "")
        var context = pageContext(title: site.settings.title, folder: "", links: links, description: "Reports, risk deep-dives and minutes published by \(site.settings.publisher.isEmpty ? site.settings.title : site.settings.publisher).")
        context["isHome"] = true
        context["documents"] = site.documents.filter { $0.type != .page }.prefix(10).map { DocumentSummaryContext.make($0, links: links) }
        context["browse"] = browseLinks(links)
        return OutputFile(path: "index.html", text: templates.render("home", context))
    }

    func renderListing(_ type: DocumentType) -> [OutputFile] {
        renderListingPages(folder: type.folder + "/", heading: type.pluralName, intro: nil,
                           documents: index.documents(of: type), breadcrumbs: [("Home", "")])
    }

    func renderDocument(_ document: Document) -> OutputFile {
        let links = PageLinks(pageFolder: document.urlPath)
        var text = PageText(headingIDs: HeadingIDAllocator(reserved: ["main-content", "contents", "risk-on-a-page", "top", "details", "committee-said"]),
                            glossary: glossary, glossaryHref: links.page("glossary/"))
        let body = markdown.render(document.body, page: &text)
        var context = pageContext(title: document.title, folder: document.urlPath, links: links, description: document.summary ?? "\(document.type.singularName): \(document.title)")
        context["document"] = DocumentSummaryContext.make(document, links: links)
        context["details"] = DocumentDetails.rows(document, links: links)
        context["readingTime"] = ReadingTime.text(for: document)
        context["bodyHTML"] = body.html
        context["breadcrumbs"] = [
            ["title": "Home", "href": links.page("")],
            ["title": document.type.pluralName, "href": links.page(document.type.folder + "/")],
        ]
        context["hasBreadcrumbs"] = true
        var contents = body.headings.filter { $0.level <= 3 }.map { ["text": $0.text, "href": "#" + $0.id, "isSub": $0.level == 3] as [String: Any] }
        if !document.risks.isEmpty {
            let appendix = RiskAppendixContext(matrix: site.settings.riskMatrix, markdown: markdown)
            context["risks"] = document.risks.map { risk in
                let register = riskAppendixLinks(risk, in: document, links: links)
                return appendix.make(risk, in: document, direction: register.direction, historyHref: register.historyHref)
            }
            context["hasRisks"] = true
            contents.append(["text": "Appendix – Risk on a page", "href": "#risk-on-a-page", "isSub": false])
        }
        context["contents"] = contents
        context["hasContents"] = contents.count > 1
        context["tags"] = document.tags.map { ["name": $0, "href": BrowseFacet.topic.folder(for: $0).map(links.page) ?? ""] }
        context["hasTags"] = !document.tags.isEmpty
        if let discussed = document.discusses.flatMap(index.document(at:)) {
            context["discusses"] = DocumentSummaryContext.make(discussed, links: links)
        }
        let minutes = index.documents(discussing: document.contentPath)
        if !minutes.isEmpty {
            context["minutedBy"] = minutes.map { DocumentSummaryContext.make($0, links: links) }
            context["hasMinutes"] = true
        }
        return OutputFile(path: document.urlPath + "index.html", text: templates.render("document", context))
    }

    /// What every page's layout needs: site name, language, paths to the root and the stylesheet, canonical URL.
    func pageContext(title: String, folder: String, links: PageLinks, description: String) -> [String: Any] {
        [
            "site": [
                "title": site.settings.title,
                "language": site.settings.language,
            ].merging(site.settings.publisher.isEmpty ? [:] : ["publisher": site.settings.publisher]) { first, _ in first },
            "pageTitle": title,
            "description": description,
            "root": links.root,
            "homeHref": links.page(""),
            "stylesheet": links.file("assets/site.css"),
            "canonicalURL": site.settings.baseURL + folder,
            "searchHref": links.page("search/"),
            "feedHref": SiteAddress.isAbsolute(site.settings.baseURL) ? links.file("feed.xml") : "",
            "footerLinks": facetLinks(links),
            "navigation": DocumentType.allCases.filter { !index.documents(of: $0).isEmpty && $0 != .page }.map {
                ["name": $0.pluralName, "href": links.page($0.folder + "/"), "current": folder.hasPrefix($0.folder + "/")] as [String: Any]
            } + riskRegisterNavigation(folder: folder, links: links),
        ]
    }
}
