import ArgumentParser
import BuildSite

/// The search index's options, the same for `build` and `serve`.
struct SearchOptions: ParsableArguments {
    @Flag(name: .customLong("no-search"), help: "Do not make the search index (Pagefind).")
    var noSearch = false

    @Option(help: "The Pagefind executable for the search index (default: pagefind on the PATH, else in .venv).")
    var pagefind: String?

    var indexing: SearchIndexing { noSearch ? .off : pagefind.map { .pagefind($0) } ?? .automatic }
}
