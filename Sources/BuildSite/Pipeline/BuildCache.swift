import Foundation

/// Lets a rebuild with nothing changed finish at once: a fingerprint of everything a build reads — every file in the
/// content and templates folders (paths and bytes), the build's options and the build-site program itself — is kept
/// beside the output (`.Site.cache`, next to `.Site.staging`) after each successful build. When the next build finds
/// the same fingerprint and the very output folder that build wrote (same inode, same modification time), the site on
/// disk is already what this build would write, so it reports the last build's result and writes nothing.
/// After any change, the record's page fingerprints let the build keep each page whose inputs are unchanged
/// (`PageReuse`): an edit to one report renders that report's page and the few pages that show what changed.
public struct BuildCache: Sendable {
    public let options: BuildOptions
    public let file: URL
    /// True for `serve`'s builds, which leave the search index to `BackgroundSearchIndex`: their site may lack an
    /// up-to-date index, so a build that makes one never takes their record for its own.
    let searchIndexedLater: Bool

    public init(options: BuildOptions) {
        self.init(options: options, searchIndexedLater: false)
    }

    init(options: BuildOptions, searchIndexedLater: Bool) {
        self.options = options
        self.searchIndexedLater = searchIndexedLater
        let output = options.outputURL
        file = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).cache")
    }

    /// What was written: compared field by field, so a cache from another version of build-site never matches.
    struct Record: Codable, Equatable {
        static let currentFormat = 8
        var format = Record.currentFormat
        var fingerprint: String
        /// What every page depends on besides its own context (`pageSalt()`) when this build was made.
        var pageSalt: String
        /// Each file's path and the fingerprint of what it was made from: every file of the site (from format 7,
        /// files published as they are too), so a rebuild knows what to remove.
        var pages: [String: String] = [:]
        /// What every page but the documents' own is made from (`PageReuse.documentsDigest`).
        var documentsDigest: String
        /// Each document page's path and the hash of the file it was made from.
        var documentSources: [String: String] = [:]
        /// From format 8: each settled file the fingerprint read (`FileStamps`), by `content/` or `templates/` and its
        /// path there: its hash and its stamp.
        var fileStamps: [String: String] = [:]
        var outputInode: UInt64
        var outputModified: Double
        var documents: Int
        var pageCount: Int
        var warnings: [Diagnostic]
    }

    /// The fingerprint of everything this build would read, or nil when a folder cannot be read (the build then
    /// runs in full and reports the problem as usual).
    public func fingerprint() -> String? {
        fingerprintAndContentFiles().fingerprint
    }

    /// The fingerprint, and the hash of each file in the content folder by its path there, as the fingerprint read
    /// them: the document cache finds a document the last build decoded by its file's hash, without reading the
    /// file again (`DocumentCache.readBack`). No hashes when a folder cannot be read.
    func fingerprintAndContentFiles() -> (fingerprint: String?, contentFiles: [String: String]) {
        let made = fingerprintAndContentFiles { FileStamps() }
        return (made.fingerprint, made.contentFiles)
    }

    /// A fingerprint, the content files' hashes by path, and the settled files' stamps for the record: nil and
    /// empty when a folder cannot be read. (A struct, not a tuple with labels: the Swift runtime builds a labelled
    /// tuple's type from its name through libstdc++'s strings, which AddressSanitizer's build of the executable,
    /// with jemalloc linked in, reported as a free of memory it had not allocated.)
    struct Fingerprinted: Sendable {
        var fingerprint: String?
        var contentFiles: [String: String] = [:]
        var stamps: [String: String] = [:]
    }

    /// The same, reading again only the files whose stamp is not the one `stamps` knows them by; with the stamps of
    /// the settled files, for the record.
    /// `stamps` is asked for once both folders are listed: a rebuild lists them while it reads the record.
    func fingerprintAndContentFiles(stamps: () -> FileStamps) -> Fingerprinted {
        guard let contentPaths = Self.sortedPaths(in: options.contentURL), let templatePaths = Self.sortedPaths(in: options.templatesURL) else {
            return Fingerprinted()
        }
        let stamps = stamps()
        return fingerprint(content: Self.hashFiles(contentPaths, key: FileStamps.contentKey, stamps: stamps),
                           templates: Self.hashFiles(templatePaths, key: FileStamps.templatesKey, stamps: stamps))
    }

    private func fingerprint(content: HashedFolder, templates: HashedFolder) -> Fingerprinted {
        var hash = ChangeHash()
        hash.add("build-site cache 1")
        addProgramAndOptions(to: &hash)
        if searchIndexedLater { hash.add("search index made in the background") }
        guard let contentFiles = Self.add(content, to: &hash), Self.add(templates, to: &hash) != nil else { return Fingerprinted() }
        return Fingerprinted(fingerprint: hash.hex, contentFiles: contentFiles, stamps: content.stamps.merging(templates.stamps) { first, _ in first })
    }

    private func addProgramAndOptions(to hash: inout ChangeHash) {
        hash.add(options.contentURL.path)
        hash.add(options.templatesURL.path)
        hash.add(options.includeDrafts ? "drafts" : "no drafts")
        hash.add(options.baseURL ?? "")
        hash.add(options.search.fingerprintText)
        addProgram(to: &hash)
    }

    /// The program itself: a rebuilt build-site may read or render the same content differently.
    private func addProgram(to hash: inout ChangeHash) {
        var program = stat()
        if stat("/proc/self/exe", &program) == 0 {  // stat follows the link to the program's file
            hash.add("\(program.st_dev) \(program.st_ino) \(program.st_size) \(program.st_mtim.tv_sec).\(program.st_mtim.tv_nsec)")
        } else {
            hash.add(CommandLine.arguments.first ?? "")
        }
    }

    /// The last build's report when its fingerprint and output folder are unchanged; nil means build in full.
    public func upToDateReport(for fingerprint: String?, started: Date) -> BuildReport? {
        upToDateReport(for: fingerprint, started: started, last: lastRecord())
    }

    /// The same, against a record already read: decoding it (every page's fingerprint) takes a tenth of a second at
    /// 10,000 reports, and a build needs it twice.
    func upToDateReport(for fingerprint: String?, started: Date, last: Record?) -> BuildReport? {
        guard let fingerprint, let record = last, record.fingerprint == fingerprint else { return nil }
        return BuildReport(documents: record.documents, pages: record.pageCount, warnings: record.warnings,
                           seconds: Date().timeIntervalSince(started))
    }

    /// The fingerprint of each page the last build wrote, from its record (`lastRecord()`, which is nil unless the
    /// output folder is still the one it wrote), when nothing every page depends on has changed since; otherwise
    /// none, and every page is rendered.
    func previousBuild(salt: String, last: Record?) -> PreviousBuild {
        guard let record = last, record.pageSalt == salt else { return PreviousBuild() }
        return PreviousBuild(pages: record.pages, documentsDigest: record.documentsDigest, documentSources: record.documentSources)
    }

    /// The record of the last build, if it is of this format and describes the output folder as it is now.
    func lastRecord() -> Record? {
        guard let data = CacheFile.read(file),
              let record = Record(reading: data), record.format == Record.currentFormat,
              let output = outputIdentity(), output.inode == record.outputInode, output.modified == record.outputModified else {
            return nil
        }
        return record
    }

    /// What every page's bytes depend on besides what its template is given: the program, the build's options,
    /// the templates, site.yml and glossary.yml.
    func pageSalt() -> String {
        var hash = ChangeHash()
        hash.add("build-site pages 1")
        addProgramAndOptions(to: &hash)
        _ = Self.addFolder(options.templatesURL, to: &hash)
        for name in ["site.yml", "glossary.yml"] {
            hash.add(name)
            hash.add(FileManager.default.contents(atPath: options.contentURL.appendingPathComponent(name).path) ?? Data())
        }
        return hash.hex
    }

    /// The decoded documents of the last build (`DocumentCache`), beside the record: `.Site.documents`.
    func documentCache() -> DocumentCache {
        var hash = ChangeHash()
        hash.add("build-site documents 1")
        addProgram(to: &hash)
        hash.add(FileManager.default.contents(atPath: options.contentURL.appendingPathComponent("site.yml").path) ?? Data())
        let output = options.outputURL
        return DocumentCache(file: output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).documents"),
                             salt: hash.hex)
    }

    /// The record again, for the output folder as it is now: after the search index was put into the site the last
    /// build wrote (`BackgroundSearchIndex`), which changes the folder but no page.
    func restamp(_ record: Record) {
        guard let output = outputIdentity() else { return }
        var record = record
        record.outputInode = output.inode
        record.outputModified = output.modified
        guard let data = record.encoded else { return }
        CacheFile.write(data, to: file)
    }

    /// Forgets the last build before a new one writes, so a build that fails part-way never looks up to date.
    public func invalidate() {
        try? FileManager.default.removeItem(at: file)
    }

    /// Remembers a successful build; a cache that cannot be written only means the next build runs in full.
    public func record(_ fingerprint: String?, report: BuildReport, pageSalt: String = "", pages: [String: String],
                       documentsDigest: String = "", documentSources: [String: String] = [:], fileStamps: [String: String] = [:]) {
        guard let fingerprint, let output = outputIdentity() else { return }
        let record = Record(fingerprint: fingerprint, pageSalt: pageSalt, pages: pages, documentsDigest: documentsDigest,
                            documentSources: documentSources, fileStamps: fileStamps, outputInode: output.inode,
                            outputModified: output.modified, documents: report.documents, pageCount: report.pages,
                            warnings: report.warnings)
        guard let data = record.encoded else { return }
        CacheFile.write(data, to: file)
    }

    private func outputIdentity() -> (inode: UInt64, modified: Double)? {
        var info = stat()
        guard stat(options.outputURL.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return (UInt64(info.st_ino), Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }

    /// Every file under `folder` (hidden ones too: a changed `.md` swap file costs a rebuild, never a stale site),
    /// in sorted order, by relative path and bytes. Files are read and hashed on every core (10,000 reports are
    /// 83 MB), each into a hash of its own, which are then added in order.
    /// Adds every path in the folder and its file's hash; returns the hashes of the files by path (folders' are
    /// ""), or nil when something in it cannot be read.
    private static func addFolder(_ folder: URL, to hash: inout ChangeHash) -> [String: String]? {
        hashFiles(in: folder).flatMap { add($0, to: &hash) }
    }

    /// A folder's files and folders in sorted order, each with its file's hash: nil where the file cannot be read,
    /// or is left for later (`later`); and the stamps of its settled files, by their keys in the record.
    struct HashedFolder: Sendable {
        let root: String
        let paths: [String]
        var hashes: [String?]
        var stamps: [String: String]
    }

    private static func hashFiles(in folder: URL, key: String = "", stamps: FileStamps = FileStamps(),
                                  leaving later: @Sendable (String) -> Bool = { _ in false }) -> HashedFolder? {
        sortedPaths(in: folder).map { hashFiles($0, key: key, stamps: stamps, leaving: later) }
    }

    /// A folder's path and every file and folder in it, sorted; nil when something in it cannot be listed.
    private static func sortedPaths(in folder: URL) -> (root: String, paths: [String])? {
        let root = folder.standardizedFileURL.path
        var paths: [String] = []
        guard list(root, under: "", into: &paths) else { return nil }
        PathOrder.sort(&paths)
        return (root, paths)
    }

    private static func hashFiles(_ listed: (root: String, paths: [String]), key: String, stamps: FileStamps,
                                  leaving later: @Sendable (String) -> Bool = { _ in false }) -> HashedFolder {
        let (root, sorted) = listed
        let hashed = concurrentMap(sorted.count) { index -> (hash: String?, stamp: String?) in
            later(sorted[index]) ? (nil, nil) : stamps.hash(root + "/" + sorted[index], key: key + sorted[index])
        }
        var newStamps: [String: String] = [:]
        for (path, file) in zip(sorted, hashed) {
            if let hash = file.hash, let stamp = file.stamp { newStamps[key + path] = hash + " " + stamp }
        }
        return HashedFolder(root: root, paths: sorted, hashes: hashed.map(\.hash), stamps: newStamps)
    }

    private static func add(_ folder: HashedFolder, to hash: inout ChangeHash) -> [String: String]? {
        hash.add("folder \(folder.paths.count)")
        var byPath: [String: String] = [:]
        byPath.reserveCapacity(folder.paths.count)
        for (relative, fileHash) in zip(folder.paths, folder.hashes) {
            guard let fileHash else { return nil }
            hash.add(relative)
            hash.add(fileHash)
            byPath[relative] = fileHash
        }
        return byPath
    }

    /// The fingerprint in two parts, for a build with no record beside the output to be up to date with (a first
    /// build into a new folder): it would read every report twice, once to fingerprint it and once to build it.
    /// Every file but the `.md` files is hashed before the build reads the content, as `fingerprintAndContentFiles`
    /// does, so that a file saved during the build is never recorded as built; the documents are hashed as the
    /// build reads them (`Document.sourceHash`, the hash of the very bytes it decoded), and added by `finish`.
    struct FingerprintAwaitingDocuments: Sendable {
        fileprivate let content: HashedFolder
        fileprivate let templates: HashedFolder
        fileprivate let stamps: FileStamps
    }

    /// Whether a record of an earlier build lies beside the output: without one, nothing can be up to date.
    var hasRecord: Bool { FileManager.default.fileExists(atPath: file.path) }

    func fingerprintAwaitingDocuments() -> FingerprintAwaitingDocuments? {
        let stamps = FileStamps()
        guard let content = Self.hashFiles(in: options.contentURL, key: FileStamps.contentKey, stamps: stamps, leaving: { $0.hasSuffix(".md") }),
              let templates = Self.hashFiles(in: options.templatesURL, key: FileStamps.templatesKey, stamps: stamps) else { return nil }
        return FingerprintAwaitingDocuments(content: content, templates: templates, stamps: stamps)
    }

    /// The fingerprint and the content files' hashes, as `fingerprintAndContentFiles` makes them, with each `.md`
    /// file's hash from `documents` (by its path in the content folder), or read now for a file that is no document;
    /// and the stamps of the settled files. A document's stamp is taken now, after it was read: a file saved since
    /// then changed after the build began, so it is not settled (`FileStamps`), and is not stamped.
    func finish(_ awaiting: FingerprintAwaitingDocuments, documents: [String: String]) -> Fingerprinted {
        var content = awaiting.content
        let later = content.paths.indices.filter { content.hashes[$0] == nil && content.paths[$0].hasSuffix(".md") }
        let (root, paths) = (content.root, content.paths)
        let found = concurrentMap(later.count) { position -> (hash: String?, stamp: String?) in
            let path = paths[later[position]]
            let file = root + "/" + path
            if let hash = documents[path] { return (hash, awaiting.stamps.settledStamp(of: file)) }
            return awaiting.stamps.hash(file, key: "")
        }
        for (index, file) in zip(later, found) {
            content.hashes[index] = file.hash
            if let hash = file.hash, let stamp = file.stamp { content.stamps[FileStamps.contentKey + content.paths[index]] = hash + " " + stamp }
        }
        return fingerprint(content: content, templates: awaiting.templates)
    }

    /// Every file and folder below `root + "/" + relative`, as paths relative to `root`, descending into real
    /// folders but not into links to folders. (FileManager's enumerator gives the same list, but edited every path
    /// it made with `replacingOccurrences`: a tenth of a second at 10,000 reports, before anything else can start.
    /// `FolderEntries` says which entries are folders without an `lstat` each.)
    private static func list(_ root: String, under relative: String, into paths: inout [String]) -> Bool {
        guard let entries = FolderEntries.read(relative.isEmpty ? root : root + "/" + relative) else { return false }
        for (name, kind) in entries {
            let path = relative.isEmpty ? name : relative + "/" + name
            paths.append(path)
            var isFolder = kind == .folder
            if kind == .unknown {
                var info = stat()
                isFolder = lstat(root + "/" + path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder, !list(root, under: path, into: &paths) { return false }
        }
        return true
    }

    /// A file's bytes as a hash; "" for a folder or other non-file; nil when it cannot be read.
    static func fileHash(_ path: String) -> String? {
        FileStamps().hash(path, key: "").hash
    }
}

/// The record in its file: its fields but the three tables as a small JSON object, then the tables' sizes, then
/// every key and value one after another (`ByteList`). The tables hold tens of thousands of paths at 10,000 reports;
/// as JSON they took a tenth of a second to read, which a rebuild with nothing changed spent before it could answer.
extension BuildCache.Record {
    /// The JSON holds every field but the three tables, which follow it in the list.
    private enum CodingKeys: String, CodingKey {
        case format, fingerprint, pageSalt, documentsDigest, outputInode, outputModified, documents, pageCount, warnings
    }

    var encoded: [UInt8]? {
        guard let header = try? JSONEncoder().encode(self) else { return nil }
        let count = pages.count + documentSources.count + fileStamps.count
        // Paths and hashes: about 80 bytes a pair.
        var writer = ByteList.Writer(count: 4 + 2 * count, bytes: header.count + 80 * count)
        writer.append(header)
        writer.append(String(pages.count))
        writer.append(String(documentSources.count))
        writer.append(String(fileStamps.count))
        for table in [pages, documentSources, fileStamps] {
            for (key, value) in table {
                writer.append(key)
                writer.append(value)
            }
        }
        return writer.array
    }

    /// Nil for a file this program did not write, or damaged. The tables' texts are made from the file's bytes in
    /// place (`ByteList.ranges`).
    init?(reading data: Data) {
        guard let made = data.withUnsafeBytes({ Self.read($0) }) else { return nil }
        self = made
    }

    private static func read(_ bytes: UnsafeRawBufferPointer) -> Self? {
        func text(_ range: Range<Int>) -> String { ByteList.text(range, in: bytes) }
        guard let items = ByteList.ranges(bytes), items.count >= 4,
              var record = try? JSONDecoder().decode(Self.self, from: Data(bytes[items[0]])),
              let pageCount = Int(text(items[1])), let sourceCount = Int(text(items[2])), let stampCount = Int(text(items[3])),
              pageCount >= 0, sourceCount >= 0, stampCount >= 0,
              items.count == 4 + 2 * (pageCount + sourceCount + stampCount) else { return nil }
        func table(from start: Int, count: Int) -> [String: String] {
            var table: [String: String] = [:]
            table.reserveCapacity(count)
            for index in stride(from: start, to: start + 2 * count, by: 2) {
                table[text(items[index])] = text(items[index + 1])
            }
            return table
        }
        record.pages = table(from: 4, count: pageCount)
        record.documentSources = table(from: 4 + 2 * pageCount, count: sourceCount)
        record.fileStamps = table(from: 4 + 2 * (pageCount + sourceCount), count: stampCount)
        return record
    }
}
