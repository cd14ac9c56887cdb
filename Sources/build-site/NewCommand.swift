import ArgumentParser
import BuildSite

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new document: writes Content/<type folder>/<today>-<title>.md with every key ready to fill in.",
        discussion: "Never overwrites a file. Prints the new file's path.")

    @Argument(help: "The kind of document: deep-dive, annual-report, minutes or page.")
    var type: String

    @Argument(help: "The document's title, in quotes, e.g. \"Safeguarding children\".")
    var title: String

    @Option(help: "The folder of Markdown documents and site.yml.")
    var content = "Content"

    func run() throws {
        guard let documentType = DocumentType(rawValue: type.lowercased()) else {
            StandardError.write("error: unknown document type '\(type)'; expected one of: \(DocumentType.allCases.map(\.rawValue).joined(separator: ", "))\n")
            throw ExitCode.failure
        }
        do {
            let path = try NewDocument(content: content, type: documentType, title: title, date: NewDocument.today()).create()
            print(path)
            StandardError.write("Fill in the details at the top and the text below them, then run 'build-site serve' to preview it.\n")
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
    }
}
