import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folder a build writes its site into before it replaces the output (see `SiteWriter`). Files arrive from
/// several rendering threads at once and are written as they come; the first failure is kept, and the writer
/// then discards the folder instead of publishing it.
public final class StagingFolder: PageSink, @unchecked Sendable {
    public let root: URL
    let displayName: String
    private let lock = NSLock()
    private var madeFolders: Set<Substring> = [""]
    private var failures: [Diagnostic] = []
    private var writtenPaths: [String] = []

    init(root: URL, displayName: String) {
        self.root = root
        self.displayName = displayName
    }

    public func accept(_ file: OutputFile) {
        do {
            switch file.contents {
            case .text(let text):
                try PageFileWriting.write(text, to: try prepare(file.path))
            case .copy(let source):
                // A file that is a link (checked by the loader to stay inside the content folder) is published
                // as the file it points to: a copied link would point back into Content/, or nowhere once deployed.
                try FileManager.default.copyItem(at: source.resolvingSymlinksInPath(), to: try prepare(file.path))
            case .kept:
                break  // linked in place already by `keep(_:from:)`
            }
            lock.withLock { writtenPaths.append(file.path) }
        } catch let failure as BuildFailure {
            lock.withLock { failures += failure.diagnostics }
        } catch {
            lock.withLock {
                failures.append(.error(at: SourceLocation(path: displayName), "could not write \(file.path): \(error.localizedDescription); the previous site is unchanged"))
            }
        }
    }

    /// Puts the last build's file for `path` into this folder as a hard link: no bytes are copied, and the old
    /// site keeps its own name for the file until it is removed after the swap. False when the file cannot be
    /// linked (gone, another file system): the caller then renders the page.
    func keep(_ path: String, from previousSite: URL) -> Bool {
        guard let destination = try? prepare(path) else { return false }
        let source = previousSite.appendingPathComponent(path)
        var info = stat()
        guard lstat(source.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        return link(source.path, destination.path) == 0
    }

    /// Every path written or kept so far (in no particular order).
    /// A page that had to be kept from the last build and could not be: the build fails and writes nothing.
    func keepFailed(_ path: String) {
        lock.withLock {
            failures.append(.error(at: SourceLocation(path: displayName), "could not keep \(path) from the last build; the previous site is unchanged, and the next build makes every page again"))
        }
    }

    var paths: [String] { lock.withLock { writtenPaths } }

    var failure: BuildFailure? {
        lock.withLock { failures.isEmpty ? nil : BuildFailure(failures) }
    }

    /// The file's place in this folder, with its folders made. A relative path with no `..`, no absolute part and
    /// no hidden folder stays inside the folder.
    private func prepare(_ path: String) throws -> URL {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0 != ".." && $0 != "." }) else {
            throw BuildFailure([.error(at: SourceLocation(path: path), "refusing to write outside the output folder; expected a path inside \(displayName)")])
        }
        let destination = root.appendingPathComponent(path)
        let folder = path[..<(path.lastIndex(of: "/") ?? path.startIndex)]
        // The folder is made outside the lock: on a file system busy freeing the last site, one `mkdir` can take
        // a millisecond, and every other thread's page waited behind it. Two threads may both make a folder that
        // neither has recorded yet; the second finds it made, which is not an error. A folder is recorded only once
        // it exists, so no thread opens a file in a folder still being made.
        if lock.withLock({ madeFolders.contains(folder) }) { return destination }
        let folderURL = destination.deletingLastPathComponent()
        // One `mkdir` when the parent exists (the usual case: `annual-reports/` before each report's folder);
        // Foundation's intermediate-folder walk, with its extra `stat`s, only when it does not.
        if mkdir(folderURL.path, 0o755) != 0 && errno != EEXIST {
            try FileManager.default.createDirectory(at: folderURL, withIntermediateDirectories: true)
        }
        lock.withLock { _ = madeFolders.insert(folder) }
        return destination
    }
}
