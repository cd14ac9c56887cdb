// libFuzzer drives this: each input is the bytes of one content file, taken through the whole pipeline as a build
// would take it, in memory: bytes → text (UTF-8, BOM, CRLF) → front matter split → YAML (budget, Yams) → typed
// document → Markdown (cmark-gfm) → the real Mustache templates → pages. Any crash, trap, sanitizer report, hang or
// runaway memory is a finding, and so is a page that breaks the promises in HTMLInvariants.swift.
import Foundation
@testable import BuildSite

/// The real templates, compiled once (#filePath is Fuzz/Sources/PipelineFuzzer/PipelineFuzzer.swift).
let templates: TemplateSet = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates")
    do {
        return try TemplateSet(directory: folder, displayName: "Templates")
    } catch {
        fatalError("the fuzzer needs the real templates at \(folder.path): \(error)")
    }
}()

/// A deep-dive with every kind of risk field, rendered with each fuzzed `site.yml` whose settings are valid.
let sampleDeepDive = """
---
type: deep-dive
title: Risk deep-dive
date: 2024-03-22
risks:
  - id: "16"
    title: Safeguarding Children
    statement: A statement
    causes: [One cause]
    consequences: [One consequence]
    inherent: {likelihood: 2, impact: 2}
    current: {likelihood: 2, impact: 2}
    target: {likelihood: 1, impact: 2}
    update: An **update**.
    controls: [A control]
    actions:
      - action: An action
        due: 2024-01-31
        status: In progress
---
## 1. Purpose

1.1 Text.
"""

/// The input says what it is by its first line: `# site.yml` or `# glossary.yml` (a YAML comment, so the seeds are
/// real files), and otherwise it is a document.
func fuzzOne(_ bytes: UnsafeRawBufferPointer) {
    let data = Data(bytes)
    guard let text = TextDecoding.decode(data) else {
        let (line, column) = TextDecoding.firstInvalidUTF8Location(data)
        precondition(line >= 1 && column >= 1, "invalid UTF-8 must be reported at a real place")
        return
    }
    if text.hasPrefix("# site.yml") {
        let (settings, diagnostics) = SiteSettingsDecoder.decode(SourceFile(displayPath: "Content/site.yml", contentPath: "site", text: text))
        checkLocations(diagnostics, path: "Content/site.yml")
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return }
        var safe = settings
        safe.allowRawHTML = false
        let sample = SourceFile(displayPath: "Content/deep-dives/sample.md", contentPath: "deep-dives/sample", text: sampleDeepDive)
        let (document, _) = DocumentDecoder(matrix: safe.riskMatrix).decode(sample)
        render(document.map { [$0] } ?? [], settings: safe, input: text)
    } else if text.hasPrefix("# glossary.yml") {
        let (_, diagnostics) = GlossaryDecoder.decode(SourceFile(displayPath: "Content/glossary.yml", contentPath: "glossary", text: text))
        checkLocations(diagnostics, path: "Content/glossary.yml")
    } else {
        let file = SourceFile(displayPath: "Content/pages/fuzz.md", contentPath: "pages/fuzz", text: text)
        let (document, diagnostics) = DocumentDecoder(matrix: .standard).decode(file)
        checkLocations(diagnostics, path: file.displayPath)
        guard let document else {
            precondition(diagnostics.contains { $0.severity == .error }, "a document refused without an error")
            return
        }
        // Safe mode is what sites get by default: its pages must keep every promise.
        render([document], settings: .defaults, input: text)
        // A site that opts in to raw HTML promises less, but must still never crash.
        _ = MarkdownRenderer(allowRawHTML: true).render(document.body)
    }
}

func checkLocations(_ diagnostics: [Diagnostic], path: String) {
    for diagnostic in diagnostics {
        let location = diagnostic.location
        precondition(location.path == path && location.line >= 1 && location.column >= 1,
                     "a message must name the file and a real line and column: \(diagnostic)")
    }
}

func render(_ documents: [Document], settings: SiteSettings, input: String) {
    let site = SiteModel(settings: settings, documents: documents, glossary: [:], staticFiles: [])
    for output in SiteRenderer(templates: templates, site: site).renderAll() {
        // Only pages are HTML: the open-data files (risks.csv, risks.json) hold the authors' text as it is, by design.
        guard output.path.hasSuffix(".html"), let html = output.text else { continue }
        HTMLInvariants.check(html, page: output.path, input: input)
        if let document = documents.first(where: { output.path == $0.urlPath + "index.html" }) {
            HTMLInvariants.checkShownEscaped(document.title, in: html, page: output.path, input: input)
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    fuzzOne(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}

/// libFuzzer's driver, which parses its flags (-max_total_time, corpus folders) and runs the inputs.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// SwiftPM links an executable target through `<target>_main`; with `-parse-as-library` there is no top-level code,
/// so this is the program's entry point, and it hands over to libFuzzer.
@_cdecl("PipelineFuzzer_main")
public func pipelineFuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        LLVMFuzzerTestOneInput(data, size)
    }
}
