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

func fuzzOne(_ bytes: UnsafeRawBufferPointer) {
    let data = Data(bytes)
    guard let text = TextDecoding.decode(data) else {
        let (line, column) = TextDecoding.firstInvalidUTF8Location(data)
        precondition(line >= 1 && column >= 1, "invalid UTF-8 must be reported at a real place")
        return
    }
    let file = SourceFile(displayPath: "Content/pages/fuzz.md", contentPath: "pages/fuzz", text: text)

    // The same text as site settings and as a glossary: their YAML readers must hold too.
    _ = SiteSettingsDecoder.decode(SourceFile(displayPath: "Content/site.yml", contentPath: "site", text: text))
    _ = GlossaryDecoder.decode(SourceFile(displayPath: "Content/glossary.yml", contentPath: "glossary", text: text))

    let (document, diagnostics) = DocumentDecoder(matrix: .standard).decode(file)
    for diagnostic in diagnostics {
        let location = diagnostic.location
        precondition(location.path == file.displayPath && location.line >= 1 && location.column >= 1,
                     "a message must name the file and a real line and column: \(diagnostic)")
    }
    guard let document else {
        precondition(diagnostics.contains { $0.severity == .error }, "a document refused without an error")
        return
    }

    // Safe mode is what sites get by default: its pages must keep every promise.
    let site = SiteModel(settings: .defaults, documents: [document], glossary: [:], staticFiles: [])
    for output in SiteRenderer(templates: templates, site: site).renderAll() {
        guard case .text(let html) = output.contents else { continue }
        HTMLInvariants.check(html, page: output.path, input: text)
        if output.path == document.urlPath + "index.html" {
            HTMLInvariants.checkShownEscaped(document.title, in: html, page: output.path, input: text)
        }
    }
    // A site that opts in to raw HTML promises less, but must still never crash.
    _ = MarkdownRenderer(allowRawHTML: true).render(document.body)
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
