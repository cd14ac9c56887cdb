import Foundation

/// Loads and validates the content into a site model: the first two stages of every build, and all of `check`.
public struct ModelBuilder: Sendable {
    public var options: BuildOptions
    /// The documents the last build decoded, for a build to parse again only the files that changed; none for `check`.
    var documentCache: DocumentCache?
    /// The hash of each content file's bytes by its path in the content folder, from the build's fingerprint: the
    /// document cache finds what the last build decoded by them, without reading the files.
    var contentFileHashes: [String: String] = [:]

    public init(options: BuildOptions) {
        self.options = options
    }

    /// The validated model and its warnings, or every error found.
    public func build() throws(BuildFailure) -> (SiteModel, [Diagnostic]) {
        let validated = try validate()
        if validated.diagnostics.contains(where: { $0.severity == .error }) { throw BuildFailure(validated.diagnostics) }
        return (validated.model, validated.diagnostics)
    }

    /// Every diagnostic, errors included, with a model of the documents that have none: `check` goes on from here to
    /// look at links and text even when some files are broken. Throws only when the content cannot be read at all.
    public func validate() throws(BuildFailure) -> ValidatedContent {
        let loader = ContentLoader(contentDirectory: options.contentURL, displayName: options.content)
        let loaded = try loader.load()
        var bag = DiagnosticBag()
        bag.append(contentsOf: loaded.warnings)

        var (settings, settingsDiagnostics) = SiteSettingsDecoder.decode(loaded.siteSettings)
        bag.append(contentsOf: settingsDiagnostics)
        if let baseURL = options.baseURL { settings.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        let (glossary, glossaryDiagnostics) = GlossaryDecoder.decode(loaded.glossary)
        bag.append(contentsOf: glossaryDiagnostics)

        let decoded = Self.readAndDecodeInParallel(loaded.documents, loader: loader, decoder: DocumentDecoder(matrix: settings.riskMatrix),
                                                   cache: documentCache, fileHashes: contentFileHashes)
        let contentPaths = loaded.documents.map { String($0.relativePath.dropLast(3)) }
        var documents: [Document] = []
        var draftsLeftOut: [Document] = []
        var withErrors: [String] = []
        for (contentPath, (document, diagnostics)) in zip(contentPaths, decoded) {
            bag.append(contentsOf: diagnostics)
            if let document, options.includeDrafts || !document.draft { documents.append(document) }
            else if let document { draftsLeftOut.append(document) }
            else { withErrors.append(contentPath) }
        }
        // Ordered while they are checked: the two only read the documents, and at 10,000 reports each is 20 ms that
        // the other core spent waiting.
        let ordering = MadeAlongside { [documents] in Self.newestFirst(documents) }
        checkAcrossDocuments(documents, bag: &bag)

        var model = SiteModel(settings: settings, documents: ordering.value, glossary: glossary, staticFiles: loaded.staticFiles)
        model.draftsLeftOut = draftsLeftOut
        return ValidatedContent(model: model, diagnostics: bag.diagnostics.sorted { $0.location < $1.location }, documentsWithErrors: withErrors)
    }

    /// Documents are independent, so each is read and parsed on one of every core's threads; results keep the files'
    /// sorted order. Reading inside the loop lets one thread read while another parses (reading 10,000 files first
    /// took 1.3 s on its own), and each file's whole text is let go once its document holds the body.
    static func readAndDecodeInParallel(_ files: [FoundDocument], loader: ContentLoader, decoder: DocumentDecoder,
                                        cache: DocumentCache?, fileHashes: [String: String]) -> [(Document?, [Diagnostic])] {
        concurrentMap(files.count) { index in
            let found = files[index]
            let fileHash = fileHashes[found.relativePath]
            if let cache, let fileHash,
               let readBack = cache.readBack(displayPath: found.displayPath, contentPath: String(found.relativePath.dropLast(3)), fileHash: fileHash,
                                             readFile: { try? loader.read(found).get().text },
                                             risksFromFile: { (try? loader.read(found).get()).flatMap { decoder.decode($0).0?.risks } ?? [] }) {
                return (readBack.0, readBack.1)
            }
            switch loader.read(found) {
            case .success(let file):
                return cache?.decoded(file, fileHash: fileHash, decode: { decoder.decode(file) }) ?? decoder.decode(file)
            case .failure(let problem):
                return (nil, [problem])
            }
        }
    }

    /// Newest first, then by title and path. The documents are ordered by index and then taken once each: sorting
    /// the array itself moved whole documents about, many times each, in the one part of a build that runs alone.
    /// Each date is one number, compared first; titles and paths only for documents of the same date. (Comparing
    /// tuples of the three copied both texts at every step: 30 ms at 10,000 reports, while the other core waited.)
    static func newestFirst(_ documents: [Document]) -> [Document] {
        let days = documents.map(\.date.orderingKey)
        let titles = documents.map(\.title)
        let paths = documents.map(\.contentPath)
        let order = documents.indices.sorted { a, b in
            if days[a] != days[b] { return days[a] > days[b] }
            if titles[a] != titles[b] { return titles[a] < titles[b] }
            return paths[a] < paths[b]
        }
        return order.map { documents[$0] }
    }

    /// Problems no single file shows: two files with one URL, a URL a generated page needs, minutes of nothing.
    private func checkAcrossDocuments(_ documents: [Document], bag: inout DiagnosticBag) {
        let reserved = Set(["index", "assets", "risks"] + DocumentType.allCases.map(\.folder))
        // Each address's first document, by its place in `documents` (holding copies of them cost more).
        var byURL: [String: Int] = [:]
        byURL.reserveCapacity(documents.count)
        // By index, each document read in place: a `for … in` copied each one out with all its texts.
        for place in documents.indices {
            let key = documents[place].contentPath.lowercased()
            // Up to the first slash, found by bytes (by Character, this check was 2% of a one-edit rebuild).
            let topFolder = String(key[..<(key.utf8.firstIndex(of: UInt8(ascii: "/")) ?? key.endIndex)])
            if reserved.contains(key) {
                let document = documents[place]
                bag.error(SourceLocation(path: document.sourcePath), "this file's address '\(document.urlPath)' is used by a page build-site makes; expected a file inside a folder, e.g. pages/\(document.contentPath).md")
            } else if SiteRenderer.generatedFolders.contains(topFolder) {
                let document = documents[place]
                bag.error(SourceLocation(path: document.sourcePath), "this file is in '\(topFolder)/', where build-site writes its own pages; expected it in another folder, e.g. pages/\(document.contentPath.split(separator: "/").last ?? "").md")
            } else if let other = byURL[key] {
                let document = documents[place]
                bag.error(SourceLocation(path: document.sourcePath), "this file has the same address '\(document.urlPath)' as \(documents[other].sourcePath); expected each document at its own address (rename one)")
            } else {
                byURL[key] = place
            }
        }
        for place in documents.indices {
            guard let target = documents[place].discusses else { continue }
            let document = documents[place]
            if let report = byURL[target.lowercased()] {
                if documents[report].type == .minutes {
                    bag.warning(document.discussesLocation ?? SourceLocation(path: document.sourcePath), "'discusses' names other minutes (\(target)); expected the report these minutes discuss")
                }
            } else {
                let known = documents.filter { $0.type != .minutes }.map(\.contentPath)
                let suggestion = nearestMatch(to: target, in: known).map { " (did you mean '\($0)'?)" } ?? ""
                bag.error(document.discussesLocation ?? SourceLocation(path: document.sourcePath),
                          "'discusses' names no report: \(target)\(suggestion); expected the Content path of a report, without .md")
            }
        }
    }
}

/// What validation found: the model of every document without errors, all diagnostics, and which documents
/// (content paths) were left out because of their errors.
public struct ValidatedContent: Sendable {
    public var model: SiteModel
    public var diagnostics: [Diagnostic]
    public var documentsWithErrors: [String]
}
