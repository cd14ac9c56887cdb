import Foundation

/// Whether and with which Pagefind a build makes its search index.
public enum SearchIndexing: Sendable, Equatable {
    /// Pagefind from the PATH, else from the project's `.venv` (where `make site` installs PyPI's pagefind-bin).
    case automatic
    /// No index: the search page offers the listings instead.
    case off
    /// This Pagefind executable.
    case pagefind(String)

    /// The choice as text for the build's fingerprint, spelled out: `String(describing:)` reflects on the value.
    var fingerprintText: String {
        switch self {
        case .automatic: "automatic"
        case .off: "off"
        case .pagefind(let path): "pagefind " + path
        }
    }
}

/// What became of the search index, for the build's summary line.
public enum SearchOutcome: Sendable, Equatable {
    case indexed(pages: Int)
    case skipped(reason: String)
    /// Made after the build, of the pages in `scope`, while they are served (`serve`, `BackgroundSearchIndex`).
    case later(SearchScope)

    public var summary: String {
        switch self {
        case .indexed(let pages): "search index of \(pages) page\(pages == 1 ? "" : "s") made by Pagefind"
        case .skipped(let reason): "search was skipped: \(reason)"
        case .later: "the search index follows in the background"
        }
    }
}

/// Runs Pagefind (https://pagefind.app, a static full-text search index) over the finished pages, so any static
/// host can search the site without a server. Pagefind indexes the element marked `data-pagefind-body` (each
/// document's text) and writes `pagefind/` beside the pages, which `assets/search.js` loads on the search page.
struct SearchIndexer {
    var indexing: SearchIndexing
    /// Where `.venv` is looked for: the folder build-site runs in.
    var workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    var environment: [String: String] = ProcessInfo.processInfo.environment

    /// The folder Pagefind writes in the site.
    public static let indexFolder = "pagefind"

    /// The Pagefind to run, or why search is skipped.
    enum Found {
        case pagefind(URL)
        case none(SearchOutcome, [Diagnostic])
    }

    func find() -> Found {
        switch indexing {
        case .off:
            return .none(.skipped(reason: "turned off with --no-search"), [])
        case .pagefind(let path):
            guard FileManager.default.isExecutableFile(atPath: path) else {
                return .none(.skipped(reason: "no Pagefind at \(path)"),
                             [.warning(at: SourceLocation(path: path), "Pagefind not found here; expected the pagefind executable (make site installs it into .venv)")])
            }
            return .pagefind(URL(fileURLWithPath: path))
        case .automatic:
            guard let found = findPagefind() else {
                return .none(.skipped(reason: "Pagefind was not found on the PATH or in .venv (make site installs it)"), [])
            }
            return .pagefind(found)
        }
    }

    /// Whether `index(site:scope:)` would run Pagefind (which may still fail), or only say why search was skipped.
    var makesIndex: Bool {
        if case .pagefind = find() { return true }
        return false
    }

    /// Indexes `site`; a missing or failing Pagefind skips search with a reason and never fails the build,
    /// because the site works without it (the search page then lists the listing pages).
    func index(site: URL, scope: SearchScope) -> (SearchOutcome, [Diagnostic]) {
        switch find() {
        case .none(let outcome, let warnings): return (outcome, warnings)
        case .pagefind(let executable): return Self.run(process(executable, site: site, scope: scope))
        }
    }

    /// Pagefind over the pages of `scope` in `site`, writing its index into `site`'s `pagefind/`, or into `indexFolder`.
    func process(_ executable: URL, site: URL, scope: SearchScope, indexFolder: URL? = nil) -> Process {
        let process = Process()
        process.executableURL = executable
        // Results keep "index.html" so links work from disk and from any folder; search.js makes them relative.
        process.arguments = ["--site", site.path, "--keep-index-url"] + (indexFolder.map { ["--output-path", $0.path] } ?? [])
            + (scope.glob.map { ["--glob", $0] } ?? [])
        return process
    }

    /// `pagefind` on the PATH, then `.venv/bin/pagefind`, then the binary inside pagefind-bin's package folder.
    func findPagefind() -> URL? {
        let manager = FileManager.default
        var candidates = (environment["PATH"] ?? "").split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("pagefind") }
        let venv = workingDirectory.appendingPathComponent(".venv")
        candidates.append(venv.appendingPathComponent("bin/pagefind"))
        let lib = venv.appendingPathComponent("lib")
        for python in ((try? manager.contentsOfDirectory(atPath: lib.path)) ?? []).sorted() where python.hasPrefix("python") {
            let package = lib.appendingPathComponent(python).appendingPathComponent("site-packages/pagefind_bin")
            candidates += ["pagefind_extended", "pagefind"].map { package.appendingPathComponent($0) }
        }
        return candidates.first { manager.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `process` (from `process(_:site:indexFolder:)`) to its end; what became of the index.
    static func run(_ process: Process) -> (SearchOutcome, [Diagnostic]) {
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let location = SourceLocation(path: process.executableURL?.path ?? "pagefind")
        do {
            try process.run()
        } catch {
            return (.skipped(reason: "Pagefind could not be started"),
                    [.warning(at: location, "could not start Pagefind: \(error.localizedDescription); the site was built without search")])
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            let last = text.split(separator: "\n").last.map(String.init) ?? "no output"
            return (.skipped(reason: "Pagefind failed"),
                    [.warning(at: location, "Pagefind failed (exit \(process.terminationStatus)): \(last); the site was built without search")])
        }
        return (.indexed(pages: Self.indexedPages(in: text)), [])
    }

    /// The page count from Pagefind's "Indexed 5 pages" line.
    static func indexedPages(in output: String) -> Int {
        for line in output.split(separator: "\n") {
            let words = line.split(separator: " ")
            if words.count == 3, words[0] == "Indexed", words[2].hasPrefix("page"), let count = Int(words[1]) { return count }
        }
        return 0
    }
}
