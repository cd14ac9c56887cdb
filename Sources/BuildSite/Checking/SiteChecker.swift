import Foundation

/// What `build-site check` found: every diagnostic, sorted by file and line, and how many documents it read.
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var documents: Int

    public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// "Checked 5 documents: 1 error, 2 warnings." — the last line an officer reads.
    public var summary: String {
        func count(_ number: Int, _ word: String) -> String { "\(number) \(word)\(number == 1 ? "" : "s")" }
        let verdict = errors == 0 ? "the site would build" : "fix the errors, then check again"
        return "Checked \(count(documents, "document")): \(count(errors, "error")), \(count(warnings, "warning")); \(verdict)."
    }
}

/// Everything a build validates, without writing anything, and what only a reader would notice: links and anchors
/// that point nowhere, images without alternative text, skipped heading levels, abbreviations the glossary does not
/// explain, and drafts that are not published.
public struct SiteChecker: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public func check() -> CheckReport {
        var diagnostics: [Diagnostic] = []
        do {
            try SiteBuilder(options: options).checkFolders()
        } catch {
            diagnostics += error.diagnostics
        }
        // Documents with errors are left out of the model, and the rest are still checked, so one broken file
        // does not hide the problems in the others.
        let validated: ValidatedContent
        do {
            validated = try ModelBuilder(options: options).validate()
        } catch {
            return CheckReport(diagnostics: Self.sorted(diagnostics + error.diagnostics), documents: 0)
        }
        let model = validated.model
        diagnostics += validated.diagnostics
        var index: SiteLinkIndex?
        do {
            let templates = try TemplateSet(directory: options.templatesURL, displayName: options.templates)
            var files = SiteRenderer(templates: templates, site: model).renderAll()
            files += model.staticFiles.map { OutputFile(path: $0, copying: options.contentURL.appendingPathComponent($0)) }
            index = SiteLinkIndex(files: files, baseURL: model.settings.baseURL)
        } catch {
            diagnostics += error.diagnostics
        }
        let inspector = MarkdownInspector(renderer: MarkdownRenderer(allowRawHTML: model.settings.allowRawHTML))
        let glossaryPath = displayPath("glossary.yml")
        let glossary = Set(model.glossary.keys).union(model.glossary.keys.map { $0.uppercased() })
        for document in model.documents {
            let facts = inspector.inspect(body: document.body, bodyFirstLine: document.bodyFirstLine, path: document.sourcePath)
            var bag = DiagnosticBag()
            if let index { checkLinks(facts, of: document, in: model, index: index, documentsWithErrors: validated.documentsWithErrors, bag: &bag) }
            checkImages(facts, bag: &bag)
            checkHeadings(facts, bag: &bag)
            checkAbbreviations(facts, glossary: glossary, glossaryPath: glossaryPath, bag: &bag)
            diagnostics += bag.diagnostics
        }
        for draft in model.draftsLeftOut {
            diagnostics.append(.warning(at: draftLocation(draft),
                "this document is a draft and is not published; remove 'draft: true' to publish it (build --drafts shows it for a preview)"))
        }
        return CheckReport(diagnostics: Self.sorted(diagnostics), documents: model.documents.count + model.draftsLeftOut.count + validated.documentsWithErrors.count)
    }

    // MARK: Links and anchors

    /// `brokenPages` are the pages of documents with errors of their own (`annual-reports/x/`): links to them are not
    /// reported again, since fixing that document fixes the link.
    private func checkLinks(_ facts: MarkdownFacts, of document: Document, in model: SiteModel, index: SiteLinkIndex,
                            documentsWithErrors: [String], bag: inout DiagnosticBag) {
        let brokenPages = Set(documentsWithErrors.map { $0 + "/" })
        for link in facts.links {
            let what = link.isImage ? "the image '\(link.destination)'" : "the link '\(link.destination)'"
            if link.destination.trimmingCharacters(in: .whitespaces).isEmpty {
                bag.error(link.location, "\(link.isImage ? "an image" : "a link") with no address; expected (address) after [\(link.text)]")
                continue
            }
            switch index.target(of: link.destination, fromPageFolder: document.urlPath) {
            case .external:
                continue
            case .aboveRoot:
                bag.error(link.location, "\(what) climbs above the site's top folder (too many '../'); expected a page of this site, e.g. \(PageLinks(pageFolder: document.urlPath).root)annual-reports/NAME/")
            case .site(let path, let fragment):
                guard let file = index.file(for: path) else {
                    let folder = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : (path.hasSuffix("/") ? path : path + "/")
                    if brokenPages.contains(folder) { continue }
                    bag.error(link.location, missingTargetMessage(what, forMissing: path, link: link, document: document, model: model, index: index, documentsWithErrors: documentsWithErrors))
                    continue
                }
                guard let fragment, !fragment.isEmpty, index.isPage(file) else { continue }
                let ids = index.ids(onPage: file)
                if !ids.contains(fragment) {
                    let nearest = nearestMatch(to: fragment, in: ids, maxDistance: 3)
                    let suggestion = nearest.map { " (did you mean '#\($0)'?)" } ?? ""
                    if link.destination.hasPrefix("#") {
                        bag.error(link.location, "\(what) points to no place on this page\(suggestion); expected '#' and the id of a heading, paragraph or risk on this page")
                    } else {
                        bag.error(link.location, "\(what) points to '#\(fragment)', which is not on that page\(suggestion); expected the id of a heading, paragraph or risk on that page")
                    }
                }
            }
        }
    }

    /// Why a link found nothing, and what to write instead: the page of a Markdown file, a draft, or the nearest page.
    private func missingTargetMessage(_ what: String, forMissing path: String, link: MarkdownFacts.Link, document: Document, model: SiteModel, index: SiteLinkIndex,
                        documentsWithErrors: [String]) -> String {
        let links = PageLinks(pageFolder: document.urlPath)
        let folder = (document.contentPath as NSString).deletingLastPathComponent
        let fromFile = SiteLinkIndex.resolve(link.destination.split(separator: "#", maxSplits: 1).first.map(String.init) ?? "", from: folder.isEmpty ? "" : folder + "/")
        let sources = Set(model.documents.map(\.contentPath) + model.draftsLeftOut.map(\.contentPath) + documentsWithErrors)
        for candidate in [path, fromFile ?? ""] where candidate.hasSuffix(".md") {
            let contentPath = String(candidate.dropLast(3))
            if sources.contains(contentPath) {
                return "\(what) names a Markdown file, but links name the page it becomes; expected \(links.root)\(contentPath)/"
            }
        }
        let target = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : (path.hasSuffix("/") ? path : path + "/")
        if let draft = model.draftsLeftOut.first(where: { $0.urlPath == target }) {
            return "\(what) points to a draft (\(draft.sourcePath)), which is not published; expected a published page: publish that document first, or remove the link"
        }
        if let nearest = nearestMatch(to: target, in: index.pageFolders, maxDistance: max(3, target.count / 4)) {
            return "\(what) points to no page of the site (did you mean \(links.root)\(nearest)?); expected the address of a page relative to this one"
        }
        return "\(what) points to no page or file of the site; expected the address of a page relative to this one, e.g. \(links.root)annual-reports/NAME/ for Content/annual-reports/NAME.md"
    }

    // MARK: Images, headings, abbreviations

    private func checkImages(_ facts: MarkdownFacts, bag: inout DiagnosticBag) {
        for image in facts.links where image.isImage && image.text.trimmingCharacters(in: .whitespaces).isEmpty {
            bag.error(image.location, "the image '\(image.destination)' has no alternative text, so people using screen readers miss it; expected ![what the image shows](\(image.destination))")
        }
    }

    /// The page's title is its only level-1 heading, so the body starts at `##` and goes down one level at a time.
    private func checkHeadings(_ facts: MarkdownFacts, bag: inout DiagnosticBag) {
        var previous = 1
        for heading in facts.headings {
            if heading.level == 1 {
                bag.warning(heading.location, "a level-1 heading ('# \(heading.text)') repeats the page's title level; expected '## \(heading.text)' for a section")
            } else if heading.level > previous + 1 {
                let expected = String(repeating: "#", count: previous + 1)
                bag.warning(heading.location, "the heading '\(heading.text)' skips from level \(previous) to level \(heading.level); expected '\(expected) \(heading.text)', so screen-reader users do not think a section is missing")
            }
            previous = heading.level
        }
    }

    /// Each abbreviation the glossary lacks is reported once per document, at its first use.
    private func checkAbbreviations(_ facts: MarkdownFacts, glossary: Set<String>, glossaryPath: String, bag: inout DiagnosticBag) {
        var reported: Set<String> = []
        for run in facts.texts {
            for found in AbbreviationFinder.find(in: run.text) where !glossary.contains(found.abbreviation) && !reported.contains(found.abbreviation) {
                reported.insert(found.abbreviation)
                var location = run.location
                location.column += found.offset
                bag.warning(location, "the abbreviation '\(found.abbreviation)' is not in the glossary; expected a line '\(found.abbreviation): what it stands for' in \(glossaryPath)")
            }
        }
    }

    // MARK: Helpers

    /// The `draft:` line of a draft's front matter, found in its file; the file's first line if it cannot be read.
    private func draftLocation(_ draft: Document) -> SourceLocation {
        let url = options.contentURL.appendingPathComponent(draft.contentPath + ".md")
        if let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(max(draft.bodyFirstLine, 1)).enumerated()
            where line.hasPrefix("draft:") {
                return SourceLocation(path: draft.sourcePath, line: number + 1, column: 1)
            }
        }
        return SourceLocation(path: draft.sourcePath)
    }

    private func displayPath(_ name: String) -> String {
        options.content.hasSuffix("/") ? options.content + name : options.content + "/" + name
    }

    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { ($0.location, $0.severity == .error ? 0 : 1, $0.message) < ($1.location, $1.severity == .error ? 0 : 1, $1.message) }
    }
}
