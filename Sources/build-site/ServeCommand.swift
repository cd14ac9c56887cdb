import ArgumentParser
import BuildSite
import SiteServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, serve the site on 127.0.0.1, and rebuild and reload open pages on every change.",
        discussion: "The site is served to this computer only. A failed rebuild is shown in the terminal and on the page, and the last good site stays up. The search index is made after each build, while the pages are already served.")

    @OptionGroup var folders: FolderOptions

    @Option(help: "The port to serve on (0 picks a free one).")
    var port: UInt16 = 8000

    @Flag(help: "Include documents marked 'draft: true'.")
    var drafts = false

    @Option(name: .customLong("base-url"), help: "The site's public address, overriding base_url in site.yml.")
    var baseURL: String?

    @OptionGroup var search: SearchOptions

    func validate() throws {
        if let baseURL, let problem = BuildOptions.problem(withBaseURL: baseURL) { throw ValidationError("--base-url: " + problem) }
    }

    func run() async throws {
        let options = BuildOptions(content: folders.content, templates: folders.templates, output: folders.output,
                                   includeDrafts: drafts, baseURL: baseURL, search: search.indexing)
        let server = PreviewServer(options: options, port: port,
                                   say: { StandardOutput.write($0 + "\n") },
                                   warn: { StandardError.write($0 + "\n") })
        do {
            try await server.run()
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
    }
}
