import Foundation

/// Everything found in the content folder: the documents (found, not yet read), the site settings, and files
/// copied as they are.
public struct LoadedContent: Sendable {
    /// The Markdown files in sorted order. They are read by `ContentLoader.read(_:)` on the decoding threads, each
    /// just before it is parsed, so that reading overlaps parsing and no more than a few texts are held at once.
    public var documents: [FoundDocument]
    public var siteSettings: SourceFile?
    public var glossary: SourceFile?
    /// Images and other files beside the documents, published unchanged (paths relative to the content folder).
    public var staticFiles: [String]
    /// Problems found while loading, reported with the build's: warnings (unused files, skipped links) and errors
    /// (unreadable files, links out of the folder), which fail the build once everything else has been checked.
    public var warnings: [Diagnostic]
}

/// Reads `Content/` from disk. It follows no link out of the folder and reads nothing else.
public struct ContentLoader: Sendable {
    public var contentDirectory: URL {
        didSet { contentFolder = contentDirectory.path }
    }
    /// `contentDirectory` as a path, which each file's path is joined to as text: joining each by `URL` and asking
    /// for its path again was nearly 1% of a 10,000-report build.
    private var contentFolder: String
    /// How the folder is named in messages (as the user typed it), so paths in errors open in their editor.
    public var displayName: String

    public init(contentDirectory: URL, displayName: String) {
        self.contentDirectory = contentDirectory.standardizedFileURL
        self.contentFolder = self.contentDirectory.path
        self.displayName = displayName
    }

    public func load() throws(BuildFailure) -> LoadedContent {
        var bag = DiagnosticBag()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildFailure([.error(at: SourceLocation(path: displayName), "content folder not found; expected a folder of Markdown documents (see README: Content format)")])
        }
        var relativePaths: [String] = []
        collectFiles(in: "", into: &relativePaths, bag: &bag)
        PathOrder.sort(&relativePaths)

        var result = LoadedContent(documents: [], siteSettings: nil, glossary: nil, staticFiles: [], warnings: [])
        for relative in relativePaths {
            let display = displayPath(relative)
            if relative.hasSuffix(".md") {
                result.documents.append(FoundDocument(relativePath: relative, displayPath: display))
            } else if relative == "site.yml" {
                result.siteSettings = read(relative, bag: &bag).map { SourceFile(displayPath: display, contentPath: "site", text: $0.0, bytesHash: $0.1) }
            } else if relative == "glossary.yml" {
                result.glossary = read(relative, bag: &bag).map { SourceFile(displayPath: display, contentPath: "glossary", text: $0.0, bytesHash: $0.1) }
            } else if relative.hasSuffix(".yml") || relative.hasSuffix(".yaml") {
                bag.warning(SourceLocation(path: display), "this YAML file is not used; expected only site.yml and glossary.yml at the top of the content folder")
            } else if !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                result.staticFiles.append(relative)
            }
        }
        // A file that cannot be read is an error, but the readable files are still parsed, so that one build reports
        // every problem at once; the build fails at the end because these errors travel with the build's own.
        result.warnings = bag.diagnostics
        return result
    }

    func displayPath(_ relative: String) -> String {
        displayName.isEmpty ? relative : (displayName.hasSuffix("/") ? displayName + relative : displayName + "/" + relative)
    }

    /// The content folder with any links in its own path resolved, to compare links' real targets with.
    private var realContent: String { Self.realPath(contentDirectory.path) ?? contentDirectory.path }

    private func collectFiles(in relativeFolder: String, into paths: inout [String], bag: inout DiagnosticBag) {
        // Paths are joined as text: `URL.appendingPathComponent` and `.path` for each of ten thousand files were most
        // of the listing's time, in a part of the build that runs alone.
        let folder = relativeFolder.isEmpty ? contentDirectory.path : contentDirectory.path + "/" + relativeFolder
        guard var entries = FolderEntries.read(folder) else {
            bag.error(SourceLocation(path: displayPath(relativeFolder)), "cannot read this folder; expected a folder build-site may read")
            return
        }
        PathOrder.sort(&entries) { $0.name }
        for (name, kind) in entries where !name.hasPrefix(".") {
            let relative = relativeFolder.isEmpty ? name : relativeFolder + "/" + name
            // Joined only for the entries that need a look of their own: most need none.
            var path: String { folder + "/" + name }
            // The kind the folder records for each entry, or `lstat` where it records none: not `attributesOfItem`,
            // which builds a dictionary of every attribute for each of ten thousand files.
            var info = stat()
            switch kind {
            case .folder: info.st_mode = S_IFDIR
            case .file: info.st_mode = S_IFREG
            case .link: info.st_mode = S_IFLNK
            case .other, .unknown:
                guard lstat(path, &info) == 0 else {
                    bag.error(SourceLocation(path: displayPath(relative)), "cannot read this file; expected a file build-site may read")
                    continue
                }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                collectFiles(in: relative, into: &paths, bag: &bag)
            case S_IFREG:
                paths.append(relative)
            case S_IFLNK:
                // A link is followed only to a file inside the content folder: never out of it, never into a loop.
                guard let target = Self.realPath(path) else {
                    bag.error(SourceLocation(path: displayPath(relative)), "this link points nowhere (a broken or looping link); expected a real file")
                    continue
                }
                let targetType = (try? FileManager.default.attributesOfItem(atPath: target))?[.type] as? FileAttributeType
                if target != realContent && !target.hasPrefix(realContent + "/") {
                    bag.error(SourceLocation(path: displayPath(relative)), "this link points outside the content folder; expected a real file inside it")
                } else if targetType == .typeDirectory {
                    bag.warning(SourceLocation(path: displayPath(relative)), "a link to a folder is not followed; expected a real folder")
                } else if targetType != .typeRegular {
                    reportSpecialFile(relative, bag: &bag)
                } else {
                    paths.append(relative)
                }
            default:
                reportSpecialFile(relative, bag: &bag)
            }
        }
    }

    /// A pipe, socket or device is never read: reading a pipe would wait for ever. One named like a document or the
    /// settings is an error (the document would silently be missing); any other is skipped with a warning.
    private func reportSpecialFile(_ relative: String, bag: inout DiagnosticBag) {
        if [".md", ".yml", ".yaml"].contains(where: relative.hasSuffix) {
            bag.error(SourceLocation(path: displayPath(relative)), "cannot read this file: it is not a regular file (a pipe, socket or device); expected a Markdown or YAML file")
        } else {
            bag.warning(SourceLocation(path: displayPath(relative)), "this is not a regular file (a pipe, socket or device) and is skipped")
        }
    }

    /// The path with every link resolved (`realpath`), or nil when a link is broken or loops back on itself.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// A document is held in memory with its Markdown tree, about 20 bytes per byte of text; this keeps a build
    /// within a few gigabytes. The largest real council report is well under 1 MB.
    static let maximumFileBytes = 100 << 20

    /// A document's text, or the error that says why it cannot be read. Safe to call from several threads.
    public func read(_ document: FoundDocument) -> Result<SourceFile, Diagnostic> {
        var bag = DiagnosticBag()
        guard let (text, bytesHash) = read(document.relativePath, bag: &bag) else {
            return .failure(bag.diagnostics.first ?? .error(at: SourceLocation(path: document.displayPath), "cannot read this file; expected a readable file"))
        }
        return .success(SourceFile(displayPath: document.displayPath, contentPath: String(document.relativePath.dropLast(3)), text: text,
                                   bytesHash: bytesHash))
    }

    /// The text, and the hash of the file's bytes when the text is not those bytes.
    private func read(_ relative: String, bag: inout DiagnosticBag) -> (String, String?)? {
        let path = contentFolder + "/" + relative
        // The usual file, UTF-8 as it is, is read straight into its text's storage; any other goes the way below,
        // which says what is wrong with it or what was changed.
        if let text = TextDecoding.readPlainText(path, atMost: Self.maximumFileBytes) { return (text, nil) }
        var info = stat()
        if stat(path, &info) == 0, Int(info.st_size) > Self.maximumFileBytes {
            let size = Int(info.st_size)
            bag.error(SourceLocation(path: displayPath(relative)), "this file is \(size >> 20) MB; expected at most \(Self.maximumFileBytes >> 20) MB (split a very long document into several)")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            bag.error(SourceLocation(path: displayPath(relative)), "cannot read this file (check its permissions); expected a readable file")
            return nil
        }
        guard let (text, changed) = TextDecoding.decodeNotingChanges(data) else {
            let (line, column) = TextDecoding.firstInvalidUTF8Location(data)
            bag.error(SourceLocation(path: displayPath(relative), line: line, column: column), "this file is not valid UTF-8 text; expected it saved as UTF-8")
            return nil
        }
        guard changed else { return (text, nil) }
        var hash = ChangeHash()
        hash.add(data)
        return (text, hash.hex)
    }
}

/// A Markdown file found in the content folder, not yet read.
public struct FoundDocument: Sendable {
    /// The path inside the content folder, with `.md`.
    public var relativePath: String
    /// The path shown in messages, e.g. `Content/deep-dives/2024-03-camden-safeguarding-children.md`.
    public var displayPath: String
}
