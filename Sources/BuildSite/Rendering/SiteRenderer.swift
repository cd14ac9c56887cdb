import Foundation
import Mustache

/// Renders the site model into files: the home page, a listing per type, and a page per document.
/// It reads nothing from disk but the templates it was given, and writes nothing: the writer does that.
public struct SiteRenderer: Sendable {
    public let templates: TemplateSet
    public let site: SiteModel
    let markdown: MarkdownRenderer
    /// Documents by type, by path and by the report they discuss, worked out once: asking the model on every page
    /// would make a build of N documents cost N². Made when a page first needs it: in a one-edit rebuild that is
    /// the edited report's page, rendered on one core while the other checks the pages it keeps, not before the
    /// rendering starts, when nothing else runs.
    var index: SiteIndex { indexStore.value }
    private let indexStore: MadeOnFirstUse<SiteIndex>
    /// Every risk of every report, matched across reports by council and id (RiskRegisterPage.swift). Made when a
    /// page first needs it: a rebuild that renders only an edited report without risks never does.
    var riskRegister: RiskRegister { riskRegisterStore.value }
    private let riskRegisterStore: MadeOnFirstUse<RiskRegister>
    /// Whether any report has risks (the register is not empty), known without making the register.
    let hasRiskRegister: Bool
    /// The kinds of document the site has, in `DocumentType` order: the layout's sections. Found by a look along the
    /// documents, so that setting up the renderer does not make the index (`SiteIndex`), which a one-edit rebuild's
    /// single page then makes on one core while the other keeps the rest.
    let documentTypes: [DocumentType]
    let glossary: Glossary
    /// The site's risk matrix as an empty heat map, for every heat map to fill in.
    let heatMap: HeatMapContext
    /// What a risk's appendix, register row and history page show of it, with the rows made once per build: when a
    /// page first shows a risk.
    var riskAppendix: RiskAppendixContext { riskAppendixStore.value }
    private let riskAppendixStore: MadeOnFirstUse<RiskAppendixContext>
    /// The ways to browse that have at least one group on this site.
    let facets: [BrowseFacet]
    /// The site's name, language and publisher, as every page's layout shows them (`site.title`…): made once.
    let siteDetails: MustacheValue
    /// Every document's summary for listings (`DocumentSummaryContext.make`), by content path: made once, when the
    /// first listing asks, not each of the six or so times a document is listed (its type, year, council, committee
    /// and topics); a rebuild that renders no listing never makes them. Each is linked already from a page two
    /// folders down (`summaryLinks`), where the year, council, committee and topic listings are: those use it as it
    /// is, and only other pages copy it to set their own link (a copy of each summary for each listing it was in was
    /// 1% of a build).
    var summaries: [String: TemplateContext] { summaryStore.value }
    static let summaryLinks = PageLinks(pageFolder: "listing/group/")
    private let summaryStore: MadeOnFirstUse<[String: TemplateContext]>
    /// The layout's parts for pages 0 to 5 folders down (`PageChrome`): a document's page is 2, a risk's history 3.
    private(set) var chromes: [PageChrome] = []
    /// Pages kept from the last build when their inputs are unchanged; nil renders every page.
    let reuse: PageReuse?
    /// The documents' bodies, when the build has moved them out of the model (`DocumentBodies`); nil when the model
    /// holds them (`check`, the tests).
    let bodies: DocumentBodies?

    public init(templates: TemplateSet, site: SiteModel, reuse: PageReuse? = nil) {
        self.init(templates: templates, site: site, reuse: reuse, bodies: nil)
    }

    init(templates: TemplateSet, site: SiteModel, reuse: PageReuse?, bodies: DocumentBodies?) {
        self.templates = templates
        self.site = site
        self.reuse = reuse
        self.bodies = bodies
        self.markdown = MarkdownRenderer(allowRawHTML: site.settings.allowRawHTML)
        self.riskRegisterStore = MadeOnFirstUse { RiskRegister(site: site) }
        self.summaryStore = MadeOnFirstUse {
            // Half on each core, when asked for outside the pages' jobs (`browseJobs`).
            let documents = site.documents
            let halves = concurrentMap(2) { half in
                (half == 0 ? 0..<documents.count / 2 : documents.count / 2..<documents.count).map { position in
                    (documents[position].contentPath, DocumentSummaryContext.make(documents[position], links: SiteRenderer.summaryLinks))
                }
            }
            return Dictionary(halves[0] + halves[1], uniquingKeysWith: { first, _ in first })
        }
        self.hasRiskRegister = site.documents.contains { $0.hasRisks }
        self.documentTypes = DocumentType.allCases.filter { type in site.documents.contains { $0.type == type } }
        self.indexStore = MadeOnFirstUse { SiteIndex(site) }
        self.glossary = Glossary(site.glossary)
        self.heatMap = HeatMapContext(matrix: site.settings.riskMatrix)
        let (markdown, heatMap) = (self.markdown, self.heatMap)
        self.riskAppendixStore = MadeOnFirstUse { RiskAppendixContext(matrix: site.settings.riskMatrix, markdown: markdown, heatMap: heatMap) }
        var siteDetails: TemplateContext = ["title": .text(site.settings.title), "language": .text(site.settings.language)]
        if !site.settings.publisher.isEmpty { siteDetails["publisher"] = .text(site.settings.publisher) }
        self.siteDetails = .object(siteDetails)
        // A facet has groups when a document has a value for it that makes a slug: found without grouping them all.
        self.facets = BrowseFacet.allCases.filter { facet in
            site.documents.contains { document in facet.values(of: document).contains { !Slug.make($0).isEmpty } }
        }
        self.chromes = (0...5).map { depth in makeChrome(PageLinks(pageFolder: String(repeating: "folder/", count: depth))) }
    }

    /// Every file of the site, in path order: for `check`, the tests and the fuzzer, which read the pages.
    public func renderAll() -> [OutputFile] {
        let sink = CollectingSink()
        render(into: sink)
        return sink.sortedFiles
    }

    /// Renders every file into `sink` as it is made, on every core. `progress` is told (documents done, total) as
    /// each document page is finished, for long builds' progress line. Returns how many HTML pages there are.
    @discardableResult
    public func render(into sink: some PageSink, progress: (@Sendable (Int, Int) -> Void)? = nil) -> Int {
        let pages = PageList(sink)
        // Pages are independent once the model is built. The site-wide pages come as small jobs (one listing, one
        // risk's history…) so that no job holds many finished pages in memory before handing them on.
        var siteWide: [PageJob] = [
            { templates.assetFiles.map(assetFile) },
        ]
        var openData: [PageJob] = []
        let unchanged = reuse?.unchangedSiteWidePages()
        if let reuse, let unchanged {
            // Only documents' text changed since the last build: every other file is as it wrote it, the sitemap
            // and feed too.
            // In jobs of a hundred: each is a look-up and a check of the file, and as one job they were kept on one
            // core while the other went through the documents.
            siteWide += stride(from: 0, to: unchanged.count, by: 100).map { start in
                let some = unchanged[start..<min(start + 100, unchanged.count)]
                return { some.compactMap { reuse.keepUnchanged($0) ? .kept($0) : nil } }
            }
        } else {
            siteWide.append { [renderHome(), renderSearchPage(), renderNotFound()] + [renderGlossary()].compactMap { $0 } }
            siteWide += documentTypes.map { type in { renderListing(type) } }
            siteWide += browseJobs() + riskJobs() + [{ renderFeedAndRobots() }]
            openData = openDataJobs()
        }
        let (siteWideJobs, lateJobs) = (siteWide, openData)
        let order = JobOrder(siteWide: siteWide.count, documents: site.documents.count, late: openData.count)
        let documentOrder = bodies.flatMap { JobOrder.documents(count: site.documents.count, first: $0.decodedNow) }
        let total = site.documents.count
        let done = ProgressCounter()
        DispatchQueue.concurrentPerform(iterations: order.count) { job in
            switch order.job(job) {
            case .siteWide(let index):
                for file in siteWideJobs[index]() { pages.accept(file) }
            case .late(let index):
                // The open data is the build's largest allocation: freed page text goes back first.
                MemoryRelease.returnFreedMemory()
                for file in lateJobs[index]() { pages.accept(file) }
            case .document(let index):
                pages.accept(renderDocument(at: documentOrder?[index] ?? index))
                let count = done.increment()
                // Freed page text left between the model's documents is handed back as the build goes.
                if count % 2500 == 0 { MemoryRelease.returnFreedMemory() }
                progress?(count, total)
            }
        }
        // The sitemap lists every page, so it comes last, from the paths alone.
        if unchanged == nil {
            for file in renderSitemap(pagePaths: pages.htmlPaths) { pages.accept(file) }
        }
        return pages.htmlPaths.count
    }

    /// Makes some of the site's files; jobs run in parallel.
    typealias PageJob = @Sendable () -> [OutputFile]

    /// `templates.render`, unless the last build wrote this page from the same context: then the page is kept.
    func page(_ path: String, _ template: String, _ context: TemplateContext) -> OutputFile {
        if let reuse, reuse.keep(path, template: template, context: context) { return .kept(path) }
        return OutputFile(path: path, rendered: templates.render(template, context))
    }

    /// A stylesheet, script or font from the templates' `assets/`, copied as it is. Any change to the templates
    /// changes every page's salt, so an asset is kept whenever the salt is as at the last build.
    func assetFile(_ path: String) -> OutputFile {
        let source = templates.directory.appendingPathComponent(path)
        return reuse?.copy(path, from: source, bytesHash: "in the templates' salt") ?? OutputFile(path: path, copying: source)
    }

    // MARK: Pages

    func renderHome() -> OutputFile {
        let links = PageLinks(pageFolder: "")
        var context = pageContext(title: site.settings.title, folder: "", links: links, description: "Reports, risk deep-dives and minutes published by \(site.settings.publisher.isEmpty ? site.settings.title : site.settings.publisher).")
        context["isHome"] = true
        context["documents"] = .objects(site.documents.filter { $0.type != .page }.prefix(10).map { DocumentSummaryContext.make($0, links: links) })
        context["browse"] = .objects(browseLinks(links))
        return page("index.html", "home", context)
    }

    func renderListing(_ type: DocumentType) -> [OutputFile] {
        renderListingPages(folder: type.folder + "/", heading: type.pluralName, intro: nil,
                           documents: index.documents(of: type), breadcrumbs: [("Home", "")])
    }

    func documentPagePath(_ document: Document) -> String { JoinedText.joined(document.contentPath, "/index.html") }

    /// The page of the document at `position` in `site.documents`.
    func renderDocument(at position: Int) -> OutputFile {
        var document = site.documents[position]
        let path = documentPagePath(document)
        if let reuse, reuse.keepUnchangedDocument(path, source: document.sourceHash) {
            bodies?.discard(at: position)
            return .kept(path)
        }
        let folder = document.urlPath
        let links = PageLinks(pageFolder: folder)
        var context = pageContext(title: document.title, folder: folder, links: links, description: document.summary ?? "\(document.type.singularName): \(document.title)")
        context["document"] = .object(DocumentSummaryContext.make(document, links: links))
        context["details"] = .objects(DocumentDetails.rows(document, links: links))
        context["breadcrumbs"] = .objects(links.breadcrumbs([("Home", ""), (document.type.pluralName, document.type.folder + "/")]))
        context["hasBreadcrumbs"] = true
        if !document.risks.isEmpty {
            let appendix = riskAppendix
            context["risks"] = .objects(document.risks.map { risk in
                let register = riskAppendixLinks(risk, in: document, links: links)
                return appendix.make(risk, in: document, direction: register.direction, historyHref: register.historyHref)
            })
            context["hasRisks"] = true
        }
        context["tags"] = .objects(document.tags.map { ["name": .text($0), "href": .text(BrowseFacet.topic.folder(for: $0).map(links.page) ?? "")] })
        context["hasTags"] = .flag(!document.tags.isEmpty)
        if let discussed = document.discusses.flatMap(index.document(at:)) {
            context["discusses"] = .object(DocumentSummaryContext.make(discussed, links: links))
        }
        let minutes = index.documents(discussing: document.contentPath)
        if !minutes.isEmpty {
            context["minutedBy"] = .objects(minutes.map { DocumentSummaryContext.make($0, links: links) })
            context["hasMinutes"] = true
        }
        // Everything else on the page comes from the Markdown, which the fingerprint takes by the hash of the file
        // it is in: rendering it is most of a page's cost, and reading it (`DocumentBodies`) is skipped too when the
        // page is kept.
        if let reuse, reuse.keep(path, template: "document", context: context, extra: document.sourceHash) {
            bodies?.discard(at: position)
            return .kept(path)
        }
        if let bodies { document.body = bodies.take(at: position) }

        var text = PageText(headingIDs: HeadingIDAllocator(reserved: ["main-content", "contents", "risk-on-a-page", "top", "details", "committee-said"]),
                            glossary: glossary, glossaryHref: links.page("glossary/"))
        let body = markdown.render(document.body, page: &text)
        context["bodyHTML"] = .utf8(body.htmlBytes)
        context["readingTime"] = .text(ReadingTime.text(for: document))
        var contents: [TemplateContext] = body.headings.filter { $0.level <= 3 }.map { ["text": .text($0.text), "href": .text(JoinedText.joined("#", $0.id)), "isSub": .flag($0.level == 3)] }
        if !document.risks.isEmpty {
            contents.append(["text": "Appendix – Risk on a page", "href": "#risk-on-a-page", "isSub": false])
        }
        context["contents"] = .objects(contents)
        context["hasContents"] = .flag(contents.count > 1)
        return OutputFile(path: path, rendered: templates.render("document", context))
    }

    /// What every page's layout needs: site name, language, paths to the root and the stylesheet, canonical URL.
    func pageContext(title: String, folder: String, links: PageLinks, description: String) -> TemplateContext {
        let chrome = chrome(for: links)
        var context: TemplateContext = [
            "site": siteDetails,
            "pageTitle": .text(title),
            "description": .text(description),
            "root": chrome.root,
            "homeHref": chrome.homeHref,
            "stylesheet": chrome.stylesheet,
            "canonicalURL": .text(JoinedText.joined(site.settings.baseURL, folder)),
            "searchHref": chrome.searchHref,
            "feedHref": chrome.feedHref,
            "footerLinks": chrome.footerLinks,
            "navigation": chrome.navigation(for: folder),
        ]
        // Room for what each page adds (a document page has about 30 names): one move now, not one each time it fills.
        context.reserveCapacity(32)
        return context
    }

    /// `document`'s summary with its link from a page at `links`, from `summaries` (which a listing asks for once,
    /// not once for each of its documents). A page that shows one or two summaries makes its own, and a rebuild that
    /// renders one report's page never makes them all.
    func summary(_ document: Document, links: PageLinks, from summaries: [String: TemplateContext]) -> TemplateContext {
        guard let base = summaries[document.contentPath] else { return DocumentSummaryContext.make(document, links: links) }
        if links.root == SiteRenderer.summaryLinks.root { return base }
        return DocumentSummaryContext.linked(base, document, links: links)
    }

    /// The layout's parts for a page at `links`: made at the start for the depths pages have, or now for another.
    private func chrome(for links: PageLinks) -> PageChrome {
        let depth = links.root.utf8.count / 3
        if depth < chromes.count, links.root == chromes[depth].links.root { return chromes[depth] }
        return makeChrome(links)
    }

    private func makeChrome(_ links: PageLinks) -> PageChrome {
        let sections = documentTypes.filter { $0 != .page }.map {
            PageChrome.Section(name: $0.pluralName, folder: $0.folder + "/")
        } + (hasRiskRegister ? [PageChrome.Section(name: "Risk register", folder: SiteRenderer.riskRegisterFolder)] : [])
        return PageChrome(links: links, sections: sections, footerLinks: facetLinks(links),
                          feedHref: SiteAddress.isAbsolute(site.settings.baseURL) ? links.file("feed.xml") : "")
    }
}
