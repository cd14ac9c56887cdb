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

    @Flag(name: .shortAndLong, help: "Print only errors: no warnings, no progress, no summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print each stage's time, and progress even when not in a terminal.")
    var verbose = false

    @OptionGroup var search: SearchOptions

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together; choose one") }
        if let baseURL, let problem = BuildOptions.problem(withBaseURL: baseURL) { throw ValidationError("--base-url: " + problem) }
    }

    func run() throws {
        let options = BuildOptions(content: folders.content, templates: folders.templates, output: folders.output,
                                   includeDrafts: drafts, baseURL: baseURL, search: search.indexing)
        let progress = ProgressLine(mode: quiet ? .off : (verbose ? .verbose : (StandardError.isTerminal ? .terminal : .off)))
        do {
            var builder = SiteBuilder(options: options, observer: progress.handle)
            builder.leavesMemoryToExit = true
            let report = try builder.build()
            progress.finish()
            if !quiet {
                DiagnosticPrinter.print(report.warnings)
                print(report.summary)
            }
        } catch {
            progress.finish()
            DiagnosticPrinter.print(error.diagnostics.filter { !quiet || $0.severity == .error })
            StandardError.write("Build failed with \(error.errors.count) error\(error.errors.count == 1 ? "" : "s"); \(folders.output) was not changed.\n")
            throw ExitCode.failure
        }
    }
}
