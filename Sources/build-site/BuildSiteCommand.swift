import ArgumentParser
import BuildSite

/// `build-site`: a thin command line over the BuildSite library.
@main
struct BuildSiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-site",
        abstract: "Build council reports written in Markdown into an accessible static website.",
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self],
        defaultSubcommand: BuildCommand.self)
}

/// The three folders every command works on, with the same flags everywhere.
struct FolderOptions: ParsableArguments {
    @Option(help: "The folder of Markdown documents and site.yml.")
    var content = "Content"

    @Option(help: "The folder of Mustache templates and assets.")
    var templates = "Templates"

    @Option(help: "The folder the site is written to; it is replaced whole on each build.")
    var output = "Site"
}

/// Prints diagnostics in the compiler form, errors and warnings to standard error.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            StandardError.write(diagnostic.description + "\n")
        }
    }
}
