import Foundation

/// Renders the site model into files: the home page, a listing per type, and a page per document.
/// It reads nothing from disk but the templates it was given, and writes nothing: the writer does that.
public struct SiteRenderer: Sendable {
    public let templates: TemplateSet
    public let site: SiteModel
    let markdown: MarkdownRenderer
    /// Every risk of every report, matched across reports by council and id (RiskRegisterPage.swift).
    let riskRegister: RiskRegister

    public init(templates: TemplateSet, site: SiteModel) {
        self.templates = templates
        self.site = site
        self.markdown = MarkdownRenderer(allowRawHTML: site.settings.allowRawHTML)
        self.riskRegister = RiskRegister(site: site)
    }

    /// `progress` is told (documents done, total) as each document page is rendered, for long builds' progress line.
    public func renderAll(progress: (@Sendable (Int, Int) -> Void)? = nil) -> [OutputFile] {
        var files = [renderHome()]
        for type in DocumentType.allCases where !site.documents(of: type).isEmpty {
            files.append(renderListing(type))
        }
        let total = site.documents.count
        files += site.documents.enumerated().map { index, document in
            defer { progress?(index + 1, total) }
            return renderDocument(document)
        }
        files += renderRiskPages()
        files += templates.assetFiles.map { OutputFile(path: $0, copying: templates.directory.appendingPathComponent($0)) }
        return files
    }

    // MARK: Pages

    func renderHome() -> OutputFile {
        let links = PageLinks(pageFolder: "")
        let sections = DocumentType.allCases.compactMap { type -> [String: Any]? in
            let documents = site.documents(of: type)
            guard !documents.isEmpty, type != .page else { return nil }
            return [
                "name": type.pluralName,
                "href": links.page(type.folder + "/"),
                "count": documents.count,
                "documents": documents.prefix(5).map { DocumentSummaryContext.make($0, links: links) },
            ]
        }
        var context = pageContext(title: site.settings.title, folder: "", links: links, description: "Reports, risk deep-dives and minutes published by \(site.settings.publisher.isEmpty ? site.settings.title : site.settings.publisher).")
        context["isHome"] = true
        context["sections"] = sections
        return OutputFile(path: "index.html", text: templates.render("home", context))
    }

    func renderListing(_ type: DocumentType) -> OutputFile {
        let folder = type.folder + "/"
        let links = PageLinks(pageFolder: folder)
        var context = pageContext(title: type.pluralName, folder: folder, links: links, description: "\(type.pluralName) published on \(site.settings.title).")
        context["heading"] = type.pluralName
        context["documents"] = site.documents(of: type).map { DocumentSummaryContext.make($0, links: links) }
        context["breadcrumbs"] = [["title": "Home", "href": links.page("")]]
        context["hasBreadcrumbs"] = true
        return OutputFile(path: folder + "index.html", text: templates.render("list", context))
    }

    func renderDocument(_ document: Document) -> OutputFile {
        let links = PageLinks(pageFolder: document.urlPath)
        var ids = HeadingIDAllocator(reserved: ["main-content", "contents", "risk-on-a-page", "top", "details"])
        let body = markdown.render(document.body, headingIDs: &ids)
        var context = pageContext(title: document.title, folder: document.urlPath, links: links, description: document.summary ?? "\(document.type.singularName): \(document.title)")
        context["document"] = DocumentSummaryContext.make(document, links: links)
        context["details"] = DocumentDetails.rows(document)
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
        context["tags"] = document.tags
        context["hasTags"] = !document.tags.isEmpty
        if let discussed = document.discusses.flatMap(site.document(at:)) {
            context["discusses"] = DocumentSummaryContext.make(discussed, links: links)
        }
        let minutes = site.documents.filter { $0.discusses == document.contentPath }
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
                "publisher": site.settings.publisher,
                "language": site.settings.language,
            ],
            "pageTitle": title,
            "description": description,
            "root": links.root,
            "homeHref": links.page(""),
            "stylesheet": links.file("assets/site.css"),
            "canonicalURL": site.settings.baseURL + folder,
            "navigation": DocumentType.allCases.filter { !site.documents(of: $0).isEmpty && $0 != .page }.map {
                ["name": $0.pluralName, "href": links.page($0.folder + "/"), "current": folder.hasPrefix($0.folder + "/")] as [String: Any]
            } + riskRegisterNavigation(folder: folder, links: links),
        ]
    }
}
