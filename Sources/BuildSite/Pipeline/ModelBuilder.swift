import Foundation

/// Loads and validates the content into a site model: the first two stages of every build, and all of `check`.
public struct ModelBuilder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// The validated model and its warnings, or every error found.
    public func build() throws(BuildFailure) -> (SiteModel, [Diagnostic]) {
        var loaded = try ContentLoader(contentDirectory: options.contentURL, displayName: options.content).load()
        var bag = DiagnosticBag()
        bag.append(contentsOf: loaded.warnings)

        var (settings, settingsDiagnostics) = SiteSettingsDecoder.decode(loaded.siteSettings)
        bag.append(contentsOf: settingsDiagnostics)
        if let baseURL = options.baseURL { settings.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        let (glossary, glossaryDiagnostics) = GlossaryDecoder.decode(loaded.glossary)
        bag.append(contentsOf: glossaryDiagnostics)

        let decoded = Self.decodeInParallel(loaded.documents, decoder: DocumentDecoder(matrix: settings.riskMatrix))
        // The documents keep their bodies; the whole files' text (front matter and all) is not needed again, and
        // letting it go here keeps it out of the build's peak memory (100 MB at 10,000 reports).
        loaded.documents.removeAll()
        var documents: [Document] = []
        for (document, diagnostics) in decoded {
            bag.append(contentsOf: diagnostics)
            if let document, options.includeDrafts || !document.draft { documents.append(document) }
        }
        checkAcrossDocuments(documents, bag: &bag)
        if bag.hasErrors { throw BuildFailure(bag.diagnostics.sorted { $0.location < $1.location }) }

        documents.sort { ($1.date, $0.title, $0.contentPath) < ($0.date, $1.title, $1.contentPath) }
        let model = SiteModel(settings: settings, documents: documents, glossary: glossary, staticFiles: loaded.staticFiles)
        return (model, bag.diagnostics.sorted { $0.location < $1.location })
    }

    /// Documents are independent, so they are parsed on every core; results keep the files' sorted order.
    static func decodeInParallel(_ files: [SourceFile], decoder: DocumentDecoder) -> [(Document?, [Diagnostic])] {
        var results = [(Document?, [Diagnostic])](repeating: (nil, []), count: files.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                slots[index] = decoder.decode(files[index])
            }
        }
        return results
    }

    /// Problems no single file shows: two files with one URL, a URL a generated page needs, minutes of nothing.
    private func checkAcrossDocuments(_ documents: [Document], bag: inout DiagnosticBag) {
        let reserved = Set(["index", "assets"] + DocumentType.allCases.map(\.folder))
        var byURL: [String: Document] = [:]
        for document in documents {
            let key = document.contentPath.lowercased()
            if reserved.contains(key) {
                bag.error(SourceLocation(path: document.sourcePath), "this file's address '\(document.urlPath)' is used by a page build-site makes; expected a file inside a folder, e.g. pages/\(document.contentPath).md")
            } else if let other = byURL[key] {
                bag.error(SourceLocation(path: document.sourcePath), "this file has the same address '\(document.urlPath)' as \(other.sourcePath); expected each document at its own address (rename one)")
            } else {
                byURL[key] = document
            }
        }
        for document in documents {
            guard let target = document.discusses else { continue }
            if let report = byURL[target.lowercased()] {
                if report.type == .minutes {
                    bag.warning(document.discussesLocation ?? SourceLocation(path: document.sourcePath), "'discusses' names other minutes (\(target)); expected the report these minutes discuss")
                }
            } else {
                let known = documents.filter { $0.type != .minutes }.map(\.contentPath)
                let suggestion = known.min { editDistance($0, target) < editDistance($1, target) }.map { " (did you mean '\($0)'?)" } ?? ""
                bag.error(document.discussesLocation ?? SourceLocation(path: document.sourcePath),
                          "'discusses' names no report: \(target)\(suggestion); expected the Content path of a report, without .md")
            }
        }
    }
}
