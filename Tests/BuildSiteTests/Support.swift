import Foundation
@testable import BuildSite

/// The repository's root, found from this file, so tests build the real `Content/` and `Templates/`.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A throw-away site folder: the real templates, an empty `Content/` to write fixtures into, and `Site/` to build.
struct TemporarySite {
    let root: URL

    init(copyingRealContent: Bool = false) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("build-site-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        if copyingRealContent {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Content"), to: root.appendingPathComponent("Content"))
        } else {
            try FileManager.default.createDirectory(at: root.appendingPathComponent("Content"), withIntermediateDirectories: true)
            try write("Content/site.yml", "title: Test reports\npublisher: Test Council\nbase_url: https://example.org/\nlanguage: en-GB\n")
        }
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    /// Options whose folder names are absolute, but whose messages say `Content/…` as an officer would see them.
    var options: BuildOptions {
        BuildOptions(content: root.appendingPathComponent("Content").path,
                     templates: root.appendingPathComponent("Templates").path,
                     output: root.appendingPathComponent("Site").path)
    }

    func build() throws(BuildFailure) -> BuildReport {
        try SiteBuilder(options: options).build()
    }

    /// Builds and returns the failure's diagnostics with the temporary folder cut from their paths.
    func buildErrors() -> [String] {
        do {
            _ = try build()
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: root.path + "/", with: "") }
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// Decodes one document from text, as if it were `Content/<path>`.
func decode(_ text: String, path: String = "Content/deep-dives/test.md", matrix: RiskMatrix = .standard) -> (Document?, [String]) {
    let file = SourceFile(displayPath: path, contentPath: "deep-dives/test", text: text)
    let (document, diagnostics) = DocumentDecoder(matrix: matrix).decode(file)
    return (document, diagnostics.map(\.description))
}

/// Builds the site again and returns the report and the stages it said it finished, in order.
func buildLoggingStages(_ site: TemporarySite) throws -> (report: BuildReport, stages: [String]) {
    let stages = StageLog()
    let report = try SiteBuilder(options: site.options) { event in
        if case .stageFinished(let stage, _) = event { stages.add(stage) }
    }.build()
    return (report, stages.all)
}

/// The stages a build reports finishing, in order (the observer may be called from any thread).
private final class StageLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stages: [String] = []

    func add(_ stage: String) { lock.withLock { stages.append(stage) } }
    var all: [String] { lock.withLock { stages } }
}
