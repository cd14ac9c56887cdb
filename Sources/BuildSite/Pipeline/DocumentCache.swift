import Foundation

/// The documents the last build decoded, by the hash of the files they came from, so that a rebuild parses again
/// only the files that changed. Parsing front matter (YAML, with a deep-dive's risks, controls and actions) is most of
/// what reading the content costs: about 0.6 ms a report, against 0.1 ms to read a decoded one back from here.
///
/// Kept beside the output as `.Site.documents` (a `ByteList`; each document in `CacheBytes` without its
/// body, but with its front matter's hash and the place of its body in the file; a deep-dive's risks apart, decoded
/// only when a page asks for them). An entry is found by the file's path and the hash of its bytes that the build's
/// fingerprint made (`BuildCache`), so a document read back is not read at all until its page is rendered, when its
/// body is read from the file. An entry is used only for a file with the same path and the same bytes, decoded by
/// the same build-site program against the same `site.yml` (whose risk matrix the decoding checks scores against);
/// anything else is decoded afresh. Only documents without errors are kept, with their warnings, so a rebuild
/// reports the same warnings. A cache that cannot be read or written only means more decoding.
final class DocumentCache: @unchecked Sendable {
    static let format = 9

    /// The file: the format and salt, then each entry's key, its encoding and its risks' (empty when it has none),
    /// one after another in a `ByteList`.
    private struct Stored {
        var format: Int
        var salt: String
        var entries: [String: Data]
        /// The risks of the entries that have any, by the same keys: seven-tenths of the cache, so kept apart from
        /// the rest, to be decoded on first use (`Document.setRisks(madeOnFirstUse:)`).
        var risks: [String: Data]

        init(format: Int, salt: String, entries: [String: Data], risks: [String: Data]) {
            self.format = format
            self.salt = salt
            self.entries = entries
            self.risks = risks
        }

        /// Nil for a file of another format or salt, or damaged.
        /// The keys are made from the file's bytes in place (`ByteList.ranges`); the entries stay slices of `data`.
        init?(reading data: Data, format: Int, salt: String) {
            let start = data.startIndex
            func slice(_ range: Range<Int>) -> Data { data[(start + range.lowerBound)..<(start + range.upperBound)] }
            guard let (items, keys) = data.withUnsafeBytes({ bytes -> ([Range<Int>], [String])? in
                      func text(_ range: Range<Int>) -> String { ByteList.text(range, in: bytes) }
                      guard let items = ByteList.ranges(bytes), items.count >= 2, (items.count - 2).isMultiple(of: 3),
                            text(items[0]) == String(format), text(items[1]) == salt else { return nil }
                      return (items, stride(from: 2, to: items.count, by: 3).map { text(items[$0]) })
                  }) else { return nil }
            self.format = format
            self.salt = salt
            entries = [:]
            risks = [:]
            entries.reserveCapacity(keys.count)
            for (key, index) in zip(keys, stride(from: 2, to: items.count, by: 3)) {
                entries[key] = slice(items[index + 1])
                if !items[index + 2].isEmpty { risks[key] = slice(items[index + 2]) }
            }
        }

        var encoded: [UInt8] {
            var writer = ByteList.Writer(count: 2 + entries.count * 3,
                                         bytes: entries.reduce(0) { $0 + $1.key.utf8.count + $1.value.count } + risks.values.reduce(0) { $0 + $1.count })
            writer.append(String(format))
            writer.append(salt)
            for (key, entry) in entries {
                writer.append(key)
                writer.append(entry)
                // Risks are never empty: their count comes first.
                writer.append(risks[key] ?? Data())
            }
            return writer.array
        }
    }

    /// A document without its body and risks, its warnings, its front matter's hash and its body's place, in
    /// `CacheBytes`.
    private struct Entry {
        var document: Document
        var warnings: [Diagnostic]
        /// What the front matter splitter found in the file, so that a read-back need not split it again.
        var frontMatterHash: ChangeHash
        var body: BodyPlace

        init(document: Document, warnings: [Diagnostic], frontMatterHash: ChangeHash, body: BodyPlace) {
            self.document = document
            self.warnings = warnings
            self.frontMatterHash = frontMatterHash
            self.body = body
        }

        init(decoding data: Data) throws(CacheBytes.Damage) {
            var reader = CacheBytes.Reader(data)
            document = try Document(reading: &reader)
            warnings = []
            for _ in 0..<(try reader.count()) { warnings.append(try Diagnostic(reading: &reader)) }
            frontMatterHash = ChangeHash(words: (try reader.unsigned(), try reader.unsigned()))
            body = BodyPlace(start: try reader.int(), length: try reader.int())
            guard reader.isAtEnd else { throw CacheBytes.Damage() }
        }

        var encoded: Data {
            var writer = CacheBytes.Writer()
            document.write(to: &writer)
            writer.write(unsigned: UInt64(warnings.count))
            for warning in warnings { warning.write(to: &writer) }
            writer.write(unsigned: frontMatterHash.words.0)
            writer.write(unsigned: frontMatterHash.words.1)
            writer.write(body.start)
            writer.write(body.length)
            return writer.data
        }
    }

    /// Where the body is in the file's UTF-8 bytes.
    private struct BodyPlace {
        var start: Int
        var length: Int

        init(start: Int, length: Int) {
            self.start = start
            self.length = length
        }

        /// The splitter's body is the end of the file after the closing line, less one final newline.
        init(body: String, in text: String) {
            length = body.utf8.count
            start = length == 0 ? 0 : text.utf8.count - length - (text.utf8.last == UInt8(ascii: "\n") ? 1 : 0)
        }

        /// The body's text, or nil if the file is shorter than the place (it never is: the file has the same hash).
        func text(in file: String) -> String? {
            let bytes = file.utf8
            guard start >= 0, length >= 0, start <= bytes.count - length else { return nil }
            let from = bytes.index(bytes.startIndex, offsetBy: start)
            return String(decoding: bytes[from..<bytes.index(from, offsetBy: length)], as: UTF8.self)
        }
    }

    let file: URL
    let salt: String
    /// The last build's entries, read on another thread while the content folder is listed (a sixth of a second at
    /// 10,000 reports); every use waits for `loading` first. Read on a thread of its own (`MadeAlongside`), so that
    /// the read never holds a thread of the pool that reads the content.
    private var previous: [String: Data] = [:]
    private var previousRisks: [String: Data] = [:]
    private var loading: MadeAlongside<Void>!
    private let lock = BriefLock()
    /// The entries of the documents decoded afresh.
    private var current: [String: Data] = [:]
    private var currentRisks: [String: Data] = [:]
    /// The keys of the documents read back, whose entries are the last build's: joined to `current` only when the
    /// file is written again (`save`), which a rebuild after an edit or two does not do.
    private var reusedKeys: [String] = []

    /// `salt` stands for everything decoding depends on besides the file: the program and `site.yml`.
    init(file: URL, salt: String) {
        self.file = file
        self.salt = salt
        loading = MadeAlongside { [self] in
            if let data = CacheFile.read(file),
               let stored = Stored(reading: data, format: Self.format, salt: salt) {
                previous = stored.entries
                previousRisks = stored.risks
            }
        }
    }

    /// The document and warnings the last build decoded from the file at `displayPath` when its bytes had the hash
    /// `fileHash`, without reading the file: its body is read when its page is rendered (`Document.bodyFromFile`),
    /// from `readFile`. Nil when the last build did not decode these bytes. Safe to call from several threads.
    ///
    /// A document read back gets its risks when a page first asks for them. Should they not decode then (a cache
    /// file damaged since, which this program wrote itself), `risksFromFile` reads and decodes the file again.
    func readBack(displayPath: String, contentPath: String, fileHash: String,
                  readFile: @escaping @Sendable () -> String?,
                  risksFromFile: @escaping @Sendable () -> [Risk]) -> (Document, [Diagnostic])? {
        let key = Self.key(displayPath: displayPath, contentPath: contentPath, fileHash: fileHash)
        loading.value
        guard let data = previous[key], let entry = try? Entry(decoding: data) else { return nil }
        var document = entry.document
        document.sourceHash = fileHash
        document.frontMatterHash = entry.frontMatterHash
        let place = entry.body
        document.bodyFromFile = {
            guard let text = readFile() else { return "" }
            // The file is as the fingerprint found it (the usual case), or was saved again since: then its body is
            // found afresh, and the next build, seeing another fingerprint, decodes the whole file again.
            if ChangeHash.hex(of: text) == fileHash, let body = place.text(in: text) { return body }
            return (try? FrontMatterSplitter.split(SourceFile(displayPath: displayPath, contentPath: contentPath, text: text)).body) ?? ""
        }
        let risks = previousRisks[key]
        if let risks {
            let sourcePath = document.sourcePath
            document.setRisks {
                (try? Document.risks(decoding: risks, sourcePath: sourcePath)) ?? risksFromFile()
            }
        }
        lock.withLock { reusedKeys.append(key) }
        return (document, entry.warnings)
    }

    /// `decode()`'s result for a file the last build did not decode, remembered for the next build when it has no
    /// errors and the text is the bytes the fingerprint hashed as `fileHash` (not so when it has a byte-order mark
    /// or CR line ends, which reading takes out, or was saved again since the fingerprint read it). Without a
    /// `fileHash` (a first build into a new folder fingerprints the documents from what it read: `SiteBuilder`), the
    /// text read is the file's bytes.
    func decoded(_ source: SourceFile, fileHash: String?, decode: () -> (Document?, [Diagnostic])) -> (Document?, [Diagnostic]) {
        let (document, diagnostics) = decode()
        // The decoder hashed the text as the fingerprint hashed the file: the same unless reading changed it.
        guard source.bytesHash == nil, let fileHash = fileHash ?? document?.sourceHash, document?.sourceHash == fileHash else {
            return (document, diagnostics)
        }
        let key = Self.key(displayPath: source.displayPath, contentPath: source.contentPath, fileHash: fileHash)
        if let stored = document, !diagnostics.contains(where: { $0.severity == .error }) {
            // The body and the risks are not in the entry: the body is read from the file, the risks kept apart.
            let body = BodyPlace(body: stored.body, in: source.text)
            let risks = stored.hasRisks ? Document.encodedRisks(stored.risks) : nil
            let data = Entry(document: stored, warnings: diagnostics, frontMatterHash: stored.frontMatterHash, body: body).encoded
            lock.withLock {
                current[key] = data
                currentRisks[key] = risks
            }
        }
        return (document, diagnostics)
    }

    private static func key(displayPath: String, contentPath: String, fileHash: String) -> String {
        var hash = ChangeHash()
        hash.add(displayPath)
        hash.add(contentPath)
        hash.add(fileHash)
        return hash.hex
    }

    /// How many documents were read back rather than decoded.
    var reused: Int { lock.withLock { reusedKeys.count } }

    /// Writes the documents this build read, for the next, and lets go of both builds' encodings (tens of megabytes
    /// at 10,000 reports, which rendering does not need); files no longer in the content are forgotten.
    ///
    /// Unless the file the last build wrote is nearly as good (`isWorthWriting`): then it is left as it is.
    func save() {
        loading.value
        var (entries, risks, previousEntries, previousRisks, reusedKeys) = lock.withLock {
            defer { current = [:]; previous = [:]; currentRisks = [:]; self.previousRisks = [:]; self.reusedKeys = [] }
            return (current, currentRisks, previous, self.previousRisks, self.reusedKeys)
        }
        guard Self.isWorthWriting(entries: entries.count + reusedKeys.count, previous: previousEntries.count, reused: reusedKeys.count) else { return }
        entries.reserveCapacity(entries.count + reusedKeys.count)
        for key in reusedKeys {
            entries[key] = previousEntries[key]
            risks[key] = previousRisks[key]
        }
        CacheFile.write(Stored(format: Self.format, salt: salt, entries: entries, risks: risks).encoded, to: file)
    }

    /// Whether the file should be written again: not when it differs from what this build has by no more than a
    /// hundredth of the documents (decoded afresh, or in the file but not read back: an edited report is both).
    /// After an edit to a report or two, writing it all again (22 MB at 10,000 reports, 4 ms of a 40 ms rebuild at
    /// 1,000) would save the next build only decoding those few again, a tenth of a millisecond each; once more than
    /// a hundredth are decoded afresh, which edits left unwritten add to, it is written.
    static func isWorthWriting(entries: Int, previous: Int, reused: Int) -> Bool {
        let decodedAfresh = entries - reused, notReadBack = previous - reused
        return previous == 0 || max(decodedAfresh, notReadBack) * 100 > entries
    }
}
