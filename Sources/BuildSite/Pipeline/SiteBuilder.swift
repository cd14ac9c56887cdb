import Foundation

/// The whole build, one way through: load → parse and validate → site model → render → write.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public func build() throws(BuildFailure) -> BuildReport {
        let started = Date()
        try checkFolders()
        let (model, warnings) = try ModelBuilder(options: options).build()
        let templates = try TemplateSet(directory: options.templatesURL, displayName: options.templates)
        var files = SiteRenderer(templates: templates, site: model).renderAll()
        files += model.staticFiles.map { OutputFile(path: $0, copying: options.contentURL.appendingPathComponent($0)) }
        let lock = try BuildLock(output: options.outputURL, displayName: options.output)
        // The search index is made in the staging folder, so the published site and its index change together.
        var search = SearchOutcome.skipped(reason: "not run")
        var searchWarnings: [Diagnostic] = []
        try SiteWriter(output: options.outputURL, displayName: options.output).write(files) { staging in
            (search, searchWarnings) = SearchIndexer(indexing: options.search).index(site: staging)
        }
        withExtendedLifetime(lock) {}
        let pages = files.filter { $0.path.hasSuffix(".html") }.count
        return BuildReport(documents: model.documents.count, pages: pages, warnings: warnings + searchWarnings,
                           seconds: Date().timeIntervalSince(started), search: search)
    }

    /// The output folder is replaced whole, so it must never be, or hold, the folders the site is made from.
    func checkFolders() throws(BuildFailure) {
        let output = options.outputURL.path
        for (name, url) in [(options.content, options.contentURL), (options.templates, options.templatesURL)] {
            let source = url.path
            if source == output || source.hasPrefix(output + "/") || output == "/" {
                throw BuildFailure([.error(at: SourceLocation(path: options.output), "the output folder is or contains \(name); expected a separate folder such as Site, which build-site replaces on every build")])
            }
        }
        let cwd = FileManager.default.currentDirectoryPath
        if output == cwd || cwd.hasPrefix(output + "/") {
            throw BuildFailure([.error(at: SourceLocation(path: options.output), "the output folder contains the current folder; expected a separate folder such as Site")])
        }
    }
}
