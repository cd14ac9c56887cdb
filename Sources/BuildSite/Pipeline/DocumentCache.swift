import Foundation

/// The documents the last build decoded, by the hash of the files they came from, so that a rebuild parses again
/// only the files that changed. Parsing front matter (YAML, with a deep-dive's risks, controls and actions) is most of
/// what reading the content costs: about 0.6 ms a report, against 0.1 ms to read a decoded one back from here.
///
/// Kept beside the output as `.Site.documents` (a binary property list; each document JSON-encoded without its
/// body, which is read from its file every time). An entry is used only for a file with the same path and the same
/// bytes, decoded by the same build-site program against the same `site.yml` (whose risk matrix the decoding checks
/// scores against); anything else is decoded afresh. Only documents without errors are kept, with their warnings,
/// so a rebuild reports the same warnings. A cache that cannot be read or written only means more decoding.
final class DocumentCache: @unchecked Sendable {
    static let format = 3

    /// Slashes unescaped: every document's path has them, and escaped strings take JSONDecoder's slow path.
    private static var entryEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return encoder
    }

    private struct Stored: Codable {
        var format: Int
        var salt: String
        var entries: [String: Data]
    }

    private struct Entry: Codable {
        var document: Document
        var warnings: [Diagnostic]
    }

    let file: URL
    let salt: String
    /// The last build's entries, read on another thread while the content folder is listed (a sixth of a second at
    /// 10,000 reports); every use waits for `loading` first.
    private var previous: [String: Data] = [:]
    private let loading = DispatchGroup()
    private let lock = NSLock()
    private var current: [String: Data] = [:]
    private var reusedCount = 0

    /// `salt` stands for everything decoding depends on besides the file: the program and `site.yml`.
    init(file: URL, salt: String) {
        self.file = file
        self.salt = salt
        DispatchQueue.global().async(group: loading) { [self] in
            if let data = FileManager.default.contents(atPath: file.path),
               let stored = try? PropertyListDecoder().decode(Stored.self, from: data),
               stored.format == Self.format, stored.salt == salt {
                previous = stored.entries
            }
        }
    }

    /// The document and warnings the last build decoded from this same file, or `decode()`'s result, which is
    /// remembered for the next build when it has no errors. Safe to call from several threads.
    func decoded(_ source: SourceFile, decode: () -> (Document?, [Diagnostic])) -> (Document?, [Diagnostic]) {
        // The file's text is hashed once: the same hash is the document's `sourceHash` when it is read back.
        var sourceHash = ChangeHash()
        sourceHash.add(source.text)
        var hash = ChangeHash()
        hash.add(source.displayPath)
        hash.add(source.contentPath)
        hash.add(sourceHash.hex)
        let key = hash.hex
        loading.wait()
        if let data = previous[key], let entry = try? JSONDecoder().decode(Entry.self, from: data),
           let split = try? FrontMatterSplitter.split(source) {
            var document = entry.document
            document.body = split.body
            document.sourceHash = sourceHash
            document.frontMatterHash.add(split.yaml)
            lock.withLock {
                current[key] = data
                reusedCount += 1
            }
            return (document, entry.warnings)
        }
        let (document, diagnostics) = decode()
        if var stored = document, !diagnostics.contains(where: { $0.severity == .error }) {
            stored.body = ""
            if let data = try? Self.entryEncoder.encode(Entry(document: stored, warnings: diagnostics)) {
                lock.withLock { current[key] = data }
            }
        }
        return (document, diagnostics)
    }

    /// How many documents were read back rather than decoded.
    var reused: Int { lock.withLock { reusedCount } }

    /// Writes the documents this build read, for the next, and lets go of both builds' encodings (tens of megabytes
    /// at 10,000 reports, which rendering does not need); files no longer in the content are forgotten.
    func save() {
        loading.wait()
        let entries = lock.withLock {
            defer { current = [:]; previous = [:] }
            return current
        }
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        guard let data = try? encoder.encode(Stored(format: Self.format, salt: salt, entries: entries)) else { return }
        CacheFile.write(data, to: file)
    }
}
