import ArgumentParser
import BuildSite

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the content folder into the output folder (the default command).")

    @OptionGroup var folders: FolderOptions

    @Flag(help: "Include documents marked 'draft: true'.")
    var drafts = false

    @Option(name: .customLong("base-url"), help: "The site's public address, overriding base_url in site.yml.")
    var baseURL: String?

    @Flag(name: .customLong("no-search"), help: "Do not make the search index (Pagefind).")
    var noSearch = false

    @Option(help: "The Pagefind executable for the search index (default: pagefind on the PATH, else in .venv).")
    var pagefind: String?

    func run() throws {
        let search: SearchIndexing = noSearch ? .off : pagefind.map { .pagefind($0) } ?? .automatic
        let options = BuildOptions(content: folders.content, templates: folders.templates, output: folders.output,
                                   includeDrafts: drafts, baseURL: baseURL, search: search)
        do {
            let report = try SiteBuilder(options: options).build()
            DiagnosticPrinter.print(report.warnings)
            Swift.print(report.summary)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            StandardError.write("Build failed with \(error.errors.count) error\(error.errors.count == 1 ? "" : "s"); \(folders.output) was not changed.\n")
            throw ExitCode.failure
        }
    }
}
