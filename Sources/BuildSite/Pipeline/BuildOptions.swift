import Foundation

/// Where a build reads and writes, and what it includes. Paths are kept as the user typed them for messages.
public struct BuildOptions: Sendable {
    public var content: String
    public var templates: String
    public var output: String
    public var includeDrafts: Bool
    public var baseURL: String?
    /// Whether Pagefind indexes the finished site for the search page.
    public var search: SearchIndexing

    public init(content: String = "Content", templates: String = "Templates", output: String = "Site",
                includeDrafts: Bool = false, baseURL: String? = nil, search: SearchIndexing = .automatic) {
        self.content = content
        self.templates = templates
        self.output = output
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
        self.search = search
    }

    static func url(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }

    /// What is wrong with a site address given as `base_url` in site.yml or `--base-url`, or nil when it is one:
    /// links, the sitemap and the feed are made from it, so a typo would break every canonical address.
    public static func problem(withBaseURL url: String) -> String? {
        if url.hasPrefix("https://") || url.hasPrefix("http://") || url.hasPrefix("/") { return nil }
        return "the site's address must start https:// (or http://, or /); found \"\(url)\""
    }

    public var contentURL: URL { Self.url(content) }
    public var templatesURL: URL { Self.url(templates) }
    public var outputURL: URL { Self.url(output) }
}

/// What a finished build reports in its summary line.
public struct BuildReport: Sendable {
    public var documents: Int
    public var pages: Int
    public var warnings: [Diagnostic]
    public var seconds: Double
    /// Whether the search index was made; nil when the build did not try.
    public var search: SearchOutcome? = nil

    public var summary: String {
        let time = NumberText.fixed(seconds, places: 2)
        return "Built \(documents) document\(documents == 1 ? "" : "s") into \(pages) page\(pages == 1 ? "" : "s") with \(warnings.count) warning\(warnings.count == 1 ? "" : "s") in \(time) s" + (search.map { "; " + $0.summary } ?? "")
    }
}

/// What a running build reports as it goes: a stage done, or how far through its documents it is.
public enum BuildEvent: Sendable {
    public enum Stage: String, Sendable {
        /// Documents rendered and written (pages are written as they are rendered).
        case rendering = "Rendering"

        /// What is counted.
        public var unit: String { "documents" }
    }

    case stageFinished(String, seconds: Double)
    case progress(Stage, done: Int, total: Int)
}
