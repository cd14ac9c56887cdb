import Foundation

/// The whole build, one way through: load → parse and validate → site model → render → write.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions
    /// Told as each stage finishes and as documents are rendered and files written, for `--verbose` and progress lines.
    public var observer: (@Sendable (BuildEvent) -> Void)?
    /// Set by the `build-site` command, which exits as soon as the build returns: what the build made is then left
    /// for the process's exit to free (`LeftForExit`).
    public var leavesMemoryToExit = false
    /// Set by `serve`: the build makes no search index itself, so that an edit is published at once (in place, when
    /// it changes few files); `BackgroundSearchIndex` then makes the index while the pages are served. The pages
    /// are the same either way: the search page finds the index when it loads.
    public var indexesSearchLater = false

    public init(options: BuildOptions, observer: (@Sendable (BuildEvent) -> Void)? = nil) {
        self.options = options
        self.observer = observer
    }

    public func build() throws(BuildFailure) -> BuildReport {
        let started = Date()
        let observer = self.observer
        var stageStarted = started
        func finished(_ stage: String) {
            observer?(.stageFinished(stage, seconds: Date().timeIntervalSince(stageStarted)))
            stageStarted = Date()
        }
        try checkFolders()
        try makeOutputParent()
        // Taken before anything is read, so a second build waits for nothing half-done and the cache below
        // describes a finished site.
        let lock = try BuildLock(output: options.outputURL, displayName: options.output)
        defer { withExtendedLifetime(lock) {} }
        let cache = BuildCache(options: options, searchIndexedLater: indexesSearchLater)
        var fingerprint: String?
        var contentFileHashes: [String: String] = [:]
        var fileStamps: [String: String] = [:]
        var lastBuild: BuildCache.Record?
        // With no record beside the output, nothing can be up to date: the documents are fingerprinted from what the
        // build reads of them (`BuildCache.FingerprintAwaitingDocuments`), not read twice.
        let awaitingDocuments = cache.hasRecord ? nil : cache.fingerprintAwaitingDocuments()
        if awaitingDocuments == nil {
            // Read while the content is listed: the fingerprint reads again only the files whose stamps are not the
            // ones the record has.
            let lastBuildReading = MadeAlongside { cache.lastRecord() }
            let began = Int(time(nil))  // before anything is read
            let made = cache.fingerprintAndContentFiles {
                lastBuild = lastBuildReading.value
                return FileStamps(known: lastBuild?.fileStamps ?? [:], now: began)
            }
            (fingerprint, contentFileHashes, fileStamps) = (made.fingerprint, made.contentFiles, made.stamps)
            if let report = cache.upToDateReport(for: fingerprint, started: started, last: lastBuild) { return report }
        }
        // Compiled while the documents are read; its errors are reported where they were before, after the content's.
        let templatesCompiling = MadeAlongside { () -> Result<TemplateSet, BuildFailure> in
            Result { () throws(BuildFailure) in try TemplateSet(directory: options.templatesURL, displayName: options.templates) }
        }
        let writer = SiteWriter(output: options.outputURL, displayName: options.output)
        var modelBuilder = ModelBuilder(options: options)
        let documentCache = cache.documentCache()
        modelBuilder.documentCache = documentCache
        modelBuilder.contentFileHashes = contentFileHashes
        let (built, warnings) = try modelBuilder.build()
        var model = built
        // Two jobs run beside the rendering, on threads of their own, started as it starts: not before, where they
        // took the cores from the setting up of the renderer, which runs alone (at 1,000 reports it took 4 to 7
        // ms instead of 3). A first build's fingerprint is finished: it looks at every report's file again (for its
        // stamp), and nothing needs it before the files copied from Content/ and the record. And the decoded
        // documents are saved, not after the rendering: the cache holds every document's encoding, which rendering
        // does not need, and writing it is a third of a second at 10,000 reports.
        var finishing: MadeAlongside<BuildCache.Fingerprinted>?
        var cacheSaving: MadeAlongside<Void>?
        defer { _ = cacheSaving?.value }
        var finishingDocuments: [String: String] = [:]
        if awaitingDocuments != nil {
            // Each list read where it is: joined, the two were copied whole, every document's fields retained.
            for documents in [model.documents, model.draftsLeftOut] {
                for index in documents.indices { finishingDocuments[documents[index].contentPath + ".md"] = documents[index].sourceHash }
            }
        }
        func startAlongsideRendering() {
            if let awaitingDocuments {
                finishing = MadeAlongside { [finishingDocuments] in cache.finish(awaitingDocuments, documents: finishingDocuments) }
            }
            cacheSaving = MadeAlongside { documentCache.save() }
        }
        MemoryRelease.returnFreedMemory()
        finished("Read and checked \(model.documents.count) documents, \(documentCache.reused) of them as decoded by the last build,")
        let templates = try templatesCompiling.value.get()
        let pageSalt = cache.pageSalt()
        let previous = cache.previousBuild(salt: pageSalt, last: lastBuild)
        if !previous.pages.isEmpty { templates.expectFewPages() }
        cache.invalidate()
        // Pages are written as they are rendered, into a folder beside the site: a whole new site (a staging folder,
        // where the search index is made too, so the published site and its index change together), or, for a
        // rebuild that makes no index, only what changed (`SiteWriter.update`).
        var pages = 0
        var reuse: PageReuse?
        let render = { (folder: any SiteFolder) in
            let pageReuse = PageReuse(salt: pageSalt, previous: previous, site: model, previousSite: options.outputURL, folder: folder)
            reuse = pageReuse
            let bodies = DocumentBodies(movingFrom: &model)
            let renderer = SiteRenderer(templates: templates, site: model, reuse: pageReuse, bodies: bodies)
            startAlongsideRendering()
            pages = renderer.render(into: folder) { done, total in
                observer?(.progress(.rendering, done: done, total: total))
            }
            if leavesMemoryToExit { LeftForExit.keep(renderer) }
            if let made = finishing?.value { (fingerprint, contentFileHashes, fileStamps) = (made.fingerprint, made.contentFiles, made.stamps) }
            for file in model.staticFiles {
                let source = options.contentURL.appendingPathComponent(file)
                let bytesHash = contentFileHashes[file] ?? BuildCache.fileHash(source.path) ?? ""
                folder.accept(pageReuse.copy(file, from: source, bytesHash: bytesHash))
                if file.hasSuffix(".html") { pages += 1 }
            }
            finished("Rendered and wrote \(folder.paths.count) files, \(pageReuse.kept) of them kept from the last build,")
        }
        let indexer = SearchIndexer(indexing: options.search)
        var search = SearchOutcome.skipped(reason: "not run")
        var searchWarnings: [Diagnostic] = []
        // Looked up once: each look searches the PATH and `.venv`.
        let pagefindFound = indexer.makesIndex
        func indexNow(_ site: URL) {
            // Which pages Pagefind reads, worked out only when it runs: it is a pass over every document.
            let scope = pagefindFound ? SearchScope(site: model, templates: templates) : .everyPage
            (search, searchWarnings) = indexesSearchLater && pagefindFound ? (.later(scope), []) : indexer.index(site: site, scope: scope)
        }
        // An index left from an earlier build would be out of date in place; `serve`'s is replaced when made again.
        let keepsNoIndex = indexesSearchLater || !SiteFolderPaths.isRealFolder(options.outputURL.path + "/" + SearchIndexer.indexFolder)
        if !previous.pages.isEmpty, indexesSearchLater || !pagefindFound, keepsNoIndex {
            try writer.update(render, replacing: previous.pages.keys)
            indexNow(options.outputURL)  // makes none: says why there is none, or that it comes later
        } else {
            try writer.write(render, beforePublishing: { staging in
                indexNow(staging)
                if options.search != .off { finished("Indexed for search") }
            })
        }
        finished("Published \(options.output)")
        let report = BuildReport(documents: model.documents.count, pages: pages, warnings: warnings + searchWarnings,
                                 seconds: Date().timeIntervalSince(started), search: search)
        if let made = finishing?.value { (fingerprint, contentFileHashes, fileStamps) = (made.fingerprint, made.contentFiles, made.stamps) }
        cache.record(fingerprint, report: report, pageSalt: pageSalt, pages: reuse?.recordedKeys ?? [:],
                     documentsDigest: reuse?.documentsDigest ?? "", documentSources: reuse?.recordedSources ?? [:], fileStamps: fileStamps)
        if leavesMemoryToExit { LeftForExit.keep(model, reuse as Any, lastBuild as Any, previous, templates) }
        return report
    }

    /// The output folder is replaced whole, so it must never be, or hold, the folders the site is made from, nor be
    /// a file or a folder of something else (`--output Documents` must not wipe someone's documents).
    /// Paths are compared after following symbolic links, so a link cannot disguise the content folder.
    public func checkFolders() throws(BuildFailure) {
        let output = options.outputURL.path
        let realOutput = options.outputURL.resolvingSymlinksInPath().path
        for (name, url) in [(options.content, options.contentURL), (options.templates, options.templatesURL)] {
            for (source, target) in [(url.path, output), (url.resolvingSymlinksInPath().path, realOutput)] {
                if source == target || source.hasPrefix(target + "/") || target == "/" {
                    throw BuildFailure([.error(at: SourceLocation(path: options.output), "the output folder is or contains \(name); expected a separate folder such as Site, which build-site replaces on every build")])
                }
            }
        }
        let cwd = FileManager.default.currentDirectoryPath
        if output == cwd || cwd.hasPrefix(output + "/") || realOutput == cwd || cwd.hasPrefix(realOutput + "/") {
            throw BuildFailure([.error(at: SourceLocation(path: options.output), "the output folder contains the current folder; expected a separate folder such as Site")])
        }
        try Self.checkReplaceable(options.outputURL, displayName: options.output)
    }

    /// The folder the output goes in, made with any folders above it that are missing (`--output ../publish/Site`
    /// on a first build), as other site generators do: the lock, the caches and the staging folder sit beside the
    /// output, so that folder must exist before anything else is done.
    func makeOutputParent() throws(BuildFailure) {
        let parent = options.outputURL.standardizedFileURL.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([.error(at: SourceLocation(path: options.output), "cannot make the folder '\(parent.path)' to hold the output; expected a place build-site may write to")])
        }
    }

    /// An existing output must be a folder that is empty or holds a built site (its `index.html`), since it is replaced.
    static func checkReplaceable(_ output: URL, displayName: String) throws(BuildFailure) {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: output.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw BuildFailure([.error(at: SourceLocation(path: displayName), "the output is a file, not a folder; expected a folder such as Site, which build-site replaces on every build")])
        }
        let entries = (try? manager.contentsOfDirectory(atPath: output.path)) ?? []
        if !entries.isEmpty && !entries.contains("index.html") {
            throw BuildFailure([.error(at: SourceLocation(path: displayName), "the output folder holds files that are not a built site (it has no index.html), and a build replaces it whole; expected an empty folder, a site built before, or a new name such as Site")])
        }
    }
}
