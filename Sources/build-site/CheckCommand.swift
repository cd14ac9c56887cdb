import ArgumentParser
import BuildSite
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the content as a build would, and more, without writing anything.",
        discussion: """
            Reports front matter and risk errors, links and #anchors that point nowhere, 'discusses' that names no \
            report, images without alternative text, skipped heading levels, abbreviations missing from the glossary \
            and drafts, as 'path:line:column: error|warning: message'. Exits 0 when there are no errors, 1 otherwise.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var folders: FolderOptions

    @Flag(help: "Check documents marked 'draft: true' as if they were published.")
    var drafts = false

    @Option(help: "text (one line per problem, for people, editors and CI) or json (for tools).")
    var format: Format = .text

    func run() throws {
        let options = BuildOptions(content: folders.content, templates: folders.templates, output: folders.output, includeDrafts: drafts)
        let report = SiteChecker(options: options).check()
        switch format {
        case .text:
            for diagnostic in report.diagnostics { print(diagnostic.description) }
            print(report.summary)
        case .json:
            print(CheckJSON(report).text)
        }
        if report.errors > 0 { throw ExitCode.failure }
    }
}

/// `check --format json`: the same findings as the text form, one object each, plus the counts.
struct CheckJSON: Encodable {
    var documents: Int
    var errors: Int
    var warnings: Int
    var diagnostics: [Diagnostic]
    var summary: String

    init(_ report: CheckReport) {
        documents = report.documents
        errors = report.errors
        warnings = report.warnings
        summary = report.summary
        diagnostics = report.diagnostics
    }

    var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }
}
