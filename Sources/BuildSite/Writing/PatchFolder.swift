import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The files a rebuild makes again, written beside the published site (`.NAME.patch`) before any of them is
/// published; every other file of the site is kept where it is, untouched. `SiteWriter.update` then publishes the
/// patch: in place when it changes few files (`apply(to:removing:)`), or, for a bigger change, as a whole new site
/// built from the published one (`move(into:keepingFrom:)`).
///
/// A rebuild after an edit to one report changes a handful of files of a site of thousands. Publishing them as a
/// whole new site meant making a copy of the site's every folder and a link to each of its files first: at 10,000
/// reports, 10,000 `mkdir`s and 13,826 links, most of such a rebuild's time.
final class PatchFolder: SiteFolder, @unchecked Sendable {
    let root: URL
    private let rootPath: String
    let displayName: String
    private let lock = BriefLock()
    /// Each changed file's path in the site, and its file's name in this folder.
    private var changedFiles: [(path: String, name: String)] = []
    private var writtenPaths: [String] = []
    private var failures: [Diagnostic] = []
    private var filesNamed = 0
    private var realFolders: Set<Substring> = []
    /// The folders of the published site on the way to pages to keep, each listed once with its entries' kinds as
    /// it records them (`d_type`). When a page's folder sits in one that holds no link, it is a real folder if it is
    /// there at all, and checking the page is one look, at its file: a look at each page's folder and at its file
    /// were a tenth of a one-edit rebuild's time at 1,000 reports, in the kernel, and splitting their paths by
    /// `String` indices more than that again.
    private var checkedFolders: [String: CheckedFolder] = [:]
    /// The published site's folder, opened once, so that the check of each page to keep walks the page's path from
    /// there and not from the file system's root: nine folders down in the benchmark, walked for every page, were a
    /// tenth of a one-edit rebuild's samples. A descriptor below 0 when it could not be opened (then paths are
    /// checked whole, as before).
    private var site: (path: String, descriptor: Int32)?

    init(root: URL, displayName: String) {
        self.root = root
        self.rootPath = root.path
        self.displayName = displayName
    }

    deinit {
        if let site, site.descriptor >= 0 { close(site.descriptor) }
    }

    /// `path`'s folder, opened the first time it is asked for; -1 for any other folder (paths there are checked whole).
    private func descriptor(of path: String) -> Int32 {
        lock.withLock {
            if let site { return site.path == path ? site.descriptor : -1 }
            let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            site = (path, descriptor)
            return descriptor
        }
    }

    func accept(_ file: OutputFile) {
        do {
            try SiteFolderPaths.check(file.path, displayName: displayName)
            switch file.contents {
            case .text, .rendered:
                let name = nextName()
                try file.withBytes { try PageFileWriting.write($0, to: rootPath + "/" + name) }
                lock.withLock { changedFiles.append((file.path, name)) }
            case .copy(let source):
                let name = nextName()
                try FileManager.default.copyItem(atPath: source.resolvingSymlinksInPath().path, toPath: rootPath + "/" + name)
                lock.withLock { changedFiles.append((file.path, name)) }
            case .kept:
                break  // where it was, in the published site
            }
            lock.withLock { writtenPaths.append(file.path) }
        } catch {
            let problems = SiteFolderPaths.diagnostics(for: error, writing: file.path, displayName: displayName)
            lock.withLock { failures += problems }
        }
    }

    /// Files are named by number: the site's paths need folders, and this folder has none.
    private func nextName() -> String {
        lock.withLock {
            filesNamed += 1
            return String(filesNamed)
        }
    }

    /// Kept files stay where they are: this only checks that the last build's file is still there, as a plain file
    /// in real folders. A file reached through a link planted in the site is made again, into a real folder.
    func keep(_ path: String, from previousSite: String) -> Bool {
        canKeep(path, from: previousSite)
    }

    func canKeep(_ path: String, from previousSite: String) -> Bool {
        let folder = descriptor(of: previousSite)
        guard folder >= 0 else {
            return firstNonFolder(above: path, in: previousSite) == nil && SiteFolderPaths.isPlainFile(previousSite + "/" + path)
        }
        var path = path
        return path.withUTF8 { isKeepable($0, in: folder) }
    }

    /// The file keeps nothing: it is where it was, and stays there.
    func keepChecked(_ path: String, from previousSite: String) -> Bool {
        true
    }

    /// Whether the UTF-8 path `path` names a plain file in the site open as `site`, reached through real folders.
    private func isKeepable(_ path: UnsafeBufferPointer<UInt8>, in site: Int32) -> Bool {
        let slash = UInt8(ascii: "/")
        guard let own = path.lastIndex(of: slash) else { return Self.is(path[...], S_IFREG, in: site) }
        let parent = path[..<own].lastIndex(of: slash) ?? 0
        switch folder(path[..<parent], in: site) {
        case .missing: return false
        case .holdingLinks: guard Self.is(path[..<own], S_IFDIR, in: site) else { return false }
        case .holdingNoLink: break  // the page's folder is a real one if it is there at all, which its file shows
        }
        return Self.is(path[...], S_IFREG, in: site)
    }

    /// What the folder `folder` of the site open as `site` is (`path[..<0]` for the site's own), listed once: each
    /// folder above it first, so that a folder is listed only through real folders.
    private func folder(_ folder: Slice<UnsafeBufferPointer<UInt8>>, in site: Int32) -> CheckedFolder {
        let key = String(decoding: UnsafeBufferPointer(rebasing: folder), as: UTF8.self)
        if let checked = lock.withLock({ checkedFolders[key] }) { return checked }
        var checked = CheckedFolder.missing
        if folder.isEmpty || self.folder(folder[..<(folder.lastIndex(of: UInt8(ascii: "/")) ?? folder.startIndex)], in: site) != .missing {
            // Opened without following a link, so a link in its place is not a real folder.
            checked = FolderEntries.holdsNoLink(key.isEmpty ? "." : key, in: site).map { $0 ? .holdingNoLink : .holdingLinks } ?? .missing
        }
        lock.withLock { checkedFolders[key] = checked }
        return checked
    }

    /// A folder of the published site, as listed for the pages to keep in it.
    private enum CheckedFolder {
        /// Not a real folder: missing, a file, a link, or not readable.
        case missing
        /// A real folder, some of whose entries are links (or of a kind the folder does not record).
        case holdingLinks
        /// A real folder with no link in it: a folder in it is a real one.
        case holdingNoLink
    }

    /// Whether the UTF-8 path `path` (in the site open as `site`) is of the kind `kind`, itself and not a link to one.
    private static func `is`(_ path: Slice<UnsafeBufferPointer<UInt8>>, _ kind: mode_t, in site: Int32) -> Bool {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: path.count + 1) { name in
            guard let base = name.baseAddress else { return false }
            UnsafeMutableRawBufferPointer(name).copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: path)))
            base[path.count] = 0
            var info = stat()
            return fstatat(site, base, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == kind
        }
    }

    func keepFailed(_ path: String) {
        lock.withLock {
            failures.append(.error(at: SourceLocation(path: displayName), "could not keep \(path) from the last build; the previous site is unchanged, and the next build makes every page again"))
        }
    }

    var paths: [String] { lock.withLock { writtenPaths } }

    var failure: BuildFailure? { lock.withLock { failures.isEmpty ? nil : BuildFailure(failures) } }

    /// How many files publishing this patch in place would replace or add, the files it would remove from a site
    /// whose last build wrote `previousFiles` (the record's table of them, looked up as it is), and how many files
    /// the site has.
    func changes(against previousFiles: Dictionary<String, String>.Keys) -> (changed: Int, leftovers: [String], siteFiles: Int) {
        let (changed, written) = lock.withLock { (changedFiles.count, Set(writtenPaths)) }
        return (changed, previousFiles.filter { !written.contains($0) }.sorted(), written.count)
    }

    /// Publishes the patch in the site at `site`: each changed file is renamed over the old one (each file is old or
    /// new, never half-written), then the files this build no longer makes are removed, with their folders once
    /// empty. Anything that is not a real folder where one is needed (a file, a link planted in the site) is removed
    /// first, so no file is written or removed through a link out of the site.
    func apply(to site: String, removing leftovers: [String]) throws {
        let (changed, writtenPaths) = lock.withLock { (changedFiles, self.writtenPaths) }
        // Needed only for leftovers, which most rebuilds have none of.
        let written = leftovers.isEmpty ? [] : Set(writtenPaths)
        for (path, name) in changed {
            let destination = site + "/" + path
            try makeRealFolders(above: path, in: site)
            if SiteFolderPaths.isRealFolder(destination) { try FileManager.default.removeItem(atPath: destination) }
            guard rename(rootPath + "/" + name, destination) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        for path in leftovers {
            // A file or link where a folder was holds nothing of this build (every page under it was made again
            // into a real folder, above), so it goes itself, a link and not what it points to; unless it is a file
            // this build put there, in place of the folder.
            var removed = Substring(path)
            if let standIn = firstNonFolder(above: path, in: site) {
                if written.contains(String(standIn)) { continue }
                removed = standIn
            }
            unlink(site + "/" + removed)
            while let slash = removed.lastIndex(of: "/") {
                removed = removed[..<slash]
                if rmdir(site + "/" + removed) != 0 { break }  // not empty: another page is in it
            }
        }
    }

    /// Builds a whole new site in `staging` from the published site at `site` and this patch: each changed file is
    /// moved in, each kept one linked from the published site.
    func move(into staging: StagingFolder, keepingFrom site: String) {
        let (changed, written) = lock.withLock { (changedFiles, writtenPaths) }
        let changedPaths = Set(changed.map(\.path))
        for (path, name) in changed {
            staging.adopt(rootPath + "/" + name, as: path)
        }
        for path in written where !changedPaths.contains(path) {
            if staging.keep(path, from: site) {
                staging.accept(.kept(path))
            } else {
                staging.keepFailed(path)
            }
        }
    }

    /// Makes each folder on `path`'s way in `site` a real folder, removing a file or link that stands in its place.
    private func makeRealFolders(above path: String, in site: String) throws {
        var folder = ""
        for part in path.split(separator: "/").dropLast() {
            folder += "/" + part
            let full = site + folder
            if SiteFolderPaths.isRealFolder(full) { continue }
            var info = stat()
            if lstat(full, &info) == 0 { unlink(full) }
            if mkdir(full, 0o755) != 0 && errno != EEXIST { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
    }

    /// The first folder on `path`'s way in `site` that is not a real folder (missing, a file, or a link), if any:
    /// for publishing the patch, and for keeping pages when the site's folder could not be opened. Folders found
    /// real are remembered: ten thousand pages share a few hundred folders above their own. A page's
    /// own folder is looked at, not remembered: each report's page has a folder of its own, which no other page
    /// asks about, and remembering ten thousand of them cost more than the looks they saved.
    ///
    /// The path is split at its slashes by bytes: by Character, the split was a sixth of a one-edit rebuild's
    /// instructions at 1,000 reports.
    private func firstNonFolder(above path: String, in site: String) -> Substring? {
        let bytes = path.utf8
        guard let last = bytes.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        var end = bytes.startIndex
        while let slash = bytes[end...].firstIndex(of: UInt8(ascii: "/")) {
            let folder = path[..<slash]
            end = bytes.index(after: slash)
            if slash == last {
                return SiteFolderPaths.isRealFolder(site + "/" + folder) ? nil : folder
            }
            if lock.withLock({ realFolders.contains(folder) }) { continue }
            guard SiteFolderPaths.isRealFolder(site + "/" + folder) else { return folder }
            lock.withLock { _ = realFolders.insert(folder) }
        }
        return nil
    }
}
