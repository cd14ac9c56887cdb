import Foundation
import Testing
@testable import BuildSite

@Suite("Search reads only the pages that hold indexed text")
struct SearchScopeTests {
    /// The Pagefind that `make test-deps` installs.
    static let pagefind = repositoryRoot.appendingPathComponent(".venv/bin/pagefind").path

    /// Every file of the index Pagefind wrote into `folder`, by path, with its bytes.
    static func indexFiles(_ folder: URL) throws -> [String: Data] {
        let manager = FileManager.default
        var files: [String: Data] = [:]
        for path in try manager.subpathsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            if manager.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    @Test("The real reports: Pagefind reads their folders only, and makes the index it makes of every page")
    func realContentIndexIsUnchanged() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.pagefind), "make test-deps installs Pagefind into .venv")
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        // A page copied from Content/ as it is, at the top and in a folder of its own.
        try site.write("Content/notice.html", "<html><body><main data-pagefind-body><p>Office closed</p></main></body></html>\n")
        try site.write("Content/archive/old.html", "<html><body><p>Old page</p></body></html>\n")
        var options = site.options
        options.search = .pagefind(Self.pagefind)
        let report = try SiteBuilder(options: options).build()
        // The five reports and the copied page that marks its text; not the listings, register or histories.
        #expect(report.search == .indexed(pages: 6))

        let model = try ModelBuilder(options: options).build().0
        let templates = try TemplateSet(directory: options.templatesURL, displayName: "Templates")
        let scope = SearchScope(site: model, templates: templates)
        #expect(scope.glob == "{annual-reports/**/*.html,archive/**/*.html,deep-dives/**/*.html,minutes/**/*.html,notice.html}")

        // Pagefind over every page of the same site writes the same index, byte for byte.
        let everyPage = site.root.appendingPathComponent("every-page")
        let process = SearchIndexer(indexing: options.search).process(URL(fileURLWithPath: Self.pagefind), site: options.outputURL,
                                                                        scope: .everyPage, indexFolder: everyPage)
        #expect(SearchIndexer.run(process).0 == .indexed(pages: 6))
        let scoped = try Self.indexFiles(options.outputURL.appendingPathComponent("pagefind"))
        #expect(scoped.count > 10)
        #expect(scoped == (try Self.indexFiles(everyPage)))
    }

    @Test("A template that marks indexed text on other pages has every page read")
    func otherTemplateMarksText() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        let glossary = try site.read("Templates/glossary.mustache")
        try site.write("Templates/glossary.mustache", glossary.replacingOccurrences(of: "{{$main}}", with: "{{$main}}<div data-pagefind-body>") .replacingOccurrences(of: "{{/main}}", with: "</div>{{/main}}"))
        let model = try ModelBuilder(options: site.options).build().0
        let templates = try TemplateSet(directory: site.options.templatesURL, displayName: "Templates")
        #expect(templates.searchBodyTemplates == ["document", "glossary"])
        #expect(SearchScope(site: model, templates: templates).glob == nil)

        guard FileManager.default.isExecutableFile(atPath: Self.pagefind) else { return }
        var options = site.options
        options.search = .pagefind(Self.pagefind)
        // The five reports and the glossary.
        #expect(try SiteBuilder(options: options).build().search == .indexed(pages: 6))
    }

    @Test("A top-level folder whose name a glob would read as a pattern has every page read")
    func patternCharacters() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/papers/a.md", "---\ntype: page\ntitle: A\ndate: 2020\n---\nText.\n")
        let templates = try TemplateSet(directory: site.options.templatesURL, displayName: "Templates")
        #expect(SearchScope(site: try ModelBuilder(options: site.options).build().0, templates: templates).glob == "{papers/**/*.html}")
        for name in ["old{1}", "a,b", "two*", "x[1]"] {
            try site.write("Content/\(name)/b.md", "---\ntype: page\ntitle: B\ndate: 2020\n---\nText.\n")
            let model = try ModelBuilder(options: site.options).build().0
            #expect(SearchScope(site: model, templates: templates).glob == nil, "\(name)")
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/\(name)"))
        }
    }
}
