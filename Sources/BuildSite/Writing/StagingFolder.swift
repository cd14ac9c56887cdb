import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folder a build writes its site into before it replaces the output (see `SiteWriter`). Files arrive from
/// several rendering threads at once and are written as they come; the first failure is kept, and the writer
/// then does not publish the folder.
///
/// The folder is either new and empty, or `recycled`: the site the last build replaced (`.NAME.old`), whose ten
/// thousand folders are reused instead of removed and made again. Creating a folder costs a new inode, and on a file
/// system still freeing the inodes of a removed tree that was most of a rebuild's time. In a recycled folder every
/// file is replaced, never written into (it may be a hard link to a page of the published site), a page kept from
/// the last build that is already the same file is left as it is, anything that is not a plain file or folder where
/// one is needed is removed first (so no write follows a link out of the folder), and whatever this build did not
/// write is removed before the folder is published (`removeLeftovers`).
public final class StagingFolder: SiteFolder, @unchecked Sendable {
    public let root: URL
    /// `root` as a path: pages' paths are joined to it as text, not by `URL`, which cost more than the writing.
    private let rootPath: String
    let displayName: String
    let recycled: Bool
    private let lock = BriefLock()
    private var madeFolders: Set<Substring> = [""]
    private var failures: [Diagnostic] = []
    private var writtenPaths: [String] = []

    init(root: URL, displayName: String, recycled: Bool = false) {
        self.root = root
        self.rootPath = root.path
        self.displayName = displayName
        self.recycled = recycled
    }

    public func accept(_ file: OutputFile) {
        do {
            switch file.contents {
            case .text, .rendered:
                let destination = try prepare(file.path)
                try removeExisting(destination)
                try file.withBytes { try PageFileWriting.write($0, to: destination) }
            case .copy(let source):
                // A file that is a link (checked by the loader to stay inside the content folder) is published
                // as the file it points to: a copied link would point back into Content/, or nowhere once deployed.
                let destination = try prepare(file.path)
                try removeExisting(destination)
                try FileManager.default.copyItem(atPath: source.resolvingSymlinksInPath().path, toPath: destination)
            case .kept:
                break  // linked in place already by `keep(_:from:)`
            }
            lock.withLock { writtenPaths.append(file.path) }
        } catch {
            let problems = SiteFolderPaths.diagnostics(for: error, writing: file.path, displayName: displayName)
            lock.withLock { failures += problems }
        }
    }

    /// Moves `file` (written beside the site by `PatchFolder`) to `path` in this folder.
    func adopt(_ file: String, as path: String) {
        do {
            let destination = try prepare(path)
            try removeExisting(destination)
            guard rename(file, destination) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            lock.withLock { writtenPaths.append(path) }
        } catch {
            let problems = SiteFolderPaths.diagnostics(for: error, writing: path, displayName: displayName)
            lock.withLock { failures += problems }
        }
    }

    /// Puts the last build's file at `path` (in `previousSite`) into this folder as a hard link, unless the folder
    /// holds that very file already (recycled from the build before, which kept it too).
    func keep(_ path: String, from previousSite: String) -> Bool {
        guard let destination = try? prepare(path) else { return false }
        let source = previousSite + "/" + path
        var info = stat()
        guard lstat(source, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        if recycled {
            var existing = stat()
            if lstat(destination, &existing) == 0, existing.st_ino == info.st_ino, existing.st_dev == info.st_dev {
                return true
            }
            guard (try? removeExisting(destination)) != nil else { return false }
        }
        return link(source, destination) == 0
    }

    func canKeep(_ path: String, from previousSite: String) -> Bool {
        SiteFolderPaths.isPlainFile(previousSite + "/" + path)
    }

    /// A file checked is still linked into this folder.
    func keepChecked(_ path: String, from previousSite: String) -> Bool {
        keep(path, from: previousSite)
    }

    func keepFailed(_ path: String) {
        lock.withLock {
            failures.append(.error(at: SourceLocation(path: displayName), "could not keep \(path) from the last build; the previous site is unchanged, and the next build makes every page again"))
        }
    }

    var paths: [String] { lock.withLock { writtenPaths } }

    var failure: BuildFailure? {
        lock.withLock { failures.isEmpty ? nil : BuildFailure(failures) }
    }

    /// In a recycled folder, removes every file and folder this build did not write or keep (pages of reports
    /// since removed, the last search index), so the folder holds exactly this build's site.
    func removeLeftovers() throws {
        guard recycled else { return }
        let (files, folders) = lock.withLock { (Set(writtenPaths), madeFolders) }
        try removeLeftovers(in: "", files: files, folders: folders)
    }

    private func removeLeftovers(in folder: String, files: Set<String>, folders: Set<Substring>) throws {
        let manager = FileManager.default
        let folderPath = folder.isEmpty ? rootPath : rootPath + "/" + folder
        for name in try manager.contentsOfDirectory(atPath: folderPath) {
            let relative = folder.isEmpty ? name : folder + "/" + name
            if folders.contains(Substring(relative)) {
                try removeLeftovers(in: relative, files: files, folders: folders)
            } else if !files.contains(relative) {
                try manager.removeItem(atPath: folderPath + "/" + name)
            }
        }
    }

    private func prepare(_ path: String) throws -> String {
        try makeFolder(try SiteFolderPaths.folder(of: path, displayName: displayName))
        return rootPath + "/" + path
    }

    /// Makes `folder` (and the folders above it) once. The folder is made outside the lock: on a file system busy
    /// freeing inodes, one `mkdir` can take a millisecond, and every other thread's page waited behind it. Two
    /// threads may both make a folder that neither has recorded yet; the second finds it made, which is not an
    /// error. A folder is recorded only once it exists, so no thread opens a file in a folder still being made.
    private func makeFolder(_ folder: Substring) throws {
        if lock.withLock({ madeFolders.contains(folder) }) { return }
        try makeFolder(folder[..<(folder.utf8.lastIndex(of: UInt8(ascii: "/")) ?? folder.startIndex)])
        let path = rootPath + "/" + folder
        var info = stat()
        if recycled, lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
            unlink(path)  // a file or a link where this build needs a folder
        }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        lock.withLock { _ = madeFolders.insert(folder) }
    }

    /// In a recycled folder, whatever is at `path` goes before a new file is put there; in a new one, nothing is.
    private func removeExisting(_ path: String) throws {
        guard recycled, unlink(path) != 0, errno != ENOENT else { return }
        if errno == EISDIR || errno == EPERM {
            try FileManager.default.removeItem(atPath: path)  // a folder where this build writes a file
        } else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }
}
