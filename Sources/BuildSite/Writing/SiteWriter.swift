import Foundation

/// Writes a finished site so that the published folder is never half-built: everything goes into a staging folder
/// beside the output, which replaces the output in two renames only when every file was written.
/// A rebuild that changes a few files can instead put them in place one by one (`update`).
/// It never writes or deletes outside the output folder and its siblings `.NAME.staging`, `.NAME.previous`,
/// `.NAME.old`, `.NAME.patch` and `.NAME.search`.
public struct SiteWriter: Sendable {
    public let output: URL
    public let displayName: String

    public init(output: URL, displayName: String) {
        self.output = output.standardizedFileURL
        self.displayName = displayName
    }

    var staging: URL { sibling("staging") }
    /// Where a rebuild writes the files it changes before it publishes them (`update`).
    var patch: URL { sibling("patch") }
    var previous: URL { sibling("previous") }
    /// The site the last build replaced. It is not removed: the next build writes into it (`StagingFolder`,
    /// recycled), which on a large site is much faster than removing ten thousand folders and making them again.
    var retired: URL { sibling("old") }

    private func sibling(_ role: String) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).\(role)")
    }

    /// Writes `files` and publishes them: for small sites and tests, which have every file in hand.
    public func write(_ files: [OutputFile]) throws(BuildFailure) {
        try write { staging in
            for file in files { staging.accept(file) }
        }
    }

    /// `produce` fills the staging folder (from any number of threads); when it has written everything without a
    /// failure, `beforePublishing` sees the finished folder (the search index is made there), and the folder
    /// replaces the output. On any failure the output is left as it was, and a new staging folder is removed (a
    /// recycled one is set aside as `.NAME.old` again, for the next build to write into).
    public func write(_ produce: (StagingFolder) -> Void, beforePublishing: (URL) -> Void = { _ in }) throws(BuildFailure) {
        let manager = FileManager.default
        do {
            restoreInterruptedSwap()
            let folder = try makeStagingFolder()
            do {
                produce(folder)
                if let failure = folder.failure { throw failure }
                try folder.removeLeftovers()
                beforePublishing(staging)
                try swapIntoPlace()
            } catch {
                // A new folder is removed; a recycled one (the last replaced site, as big as the site) is set aside
                // again for the next build, rather than removed at length here.
                if folder.recycled { retire(staging) } else { try? manager.removeItem(at: staging) }
                throw error
            }
        } catch let failure as BuildFailure {
            throw failure
        } catch {
            throw BuildFailure([.error(at: SourceLocation(path: displayName), "could not write the site: \(error.localizedDescription); the previous site is unchanged")])
        }
    }

    /// The most files `update` replaces, adds and removes in place, and the greatest part of the site they may be;
    /// a bigger change is published as a whole new site.
    static let inPlaceLimit = (files: 100, partOfSite: 0.1)

    /// Publishes a rebuild of the site at the output, whose last build wrote `previousFiles`. `produce` fills a
    /// `PatchFolder` beside the site with the files that changed, from any number of threads, and keeps the rest
    /// where they are. When they come to few files to replace, add or remove (`inPlaceLimit`), each is put in
    /// place by a rename: every page is then the old one or the new one, never half-written, and for the moment
    /// that takes (a few microseconds a file) new pages stand beside old ones. A bigger change is published as a
    /// whole new site in one swap, as `write` does. For builds that make no search index, which would have to
    /// change with the pages it indexes. Nothing is published when `produce` fails.
    func update(_ produce: (PatchFolder) -> Void, replacing previousFiles: Dictionary<String, String>.Keys) throws(BuildFailure) {
        let manager = FileManager.default
        do {
            restoreInterruptedSwap()
            try? manager.removeItem(at: patch)  // what a killed build left
            try manager.createDirectory(at: patch, withIntermediateDirectories: true)
            defer { try? manager.removeItem(at: patch) }
            let folder = PatchFolder(root: patch, displayName: displayName)
            produce(folder)
            if let failure = folder.failure { throw failure }
            let (changed, leftovers, siteFiles) = folder.changes(against: previousFiles)
            let changes = changed + leftovers.count
            guard changes <= Self.inPlaceLimit.files, Double(changes) <= Self.inPlaceLimit.partOfSite * Double(siteFiles) else {
                try write { staging in folder.move(into: staging, keepingFrom: output.path) }
                return
            }
            do {
                try folder.apply(to: output.path, removing: leftovers)
            } catch {
                throw BuildFailure([.error(at: SourceLocation(path: displayName), "could not update the site in place: \(error.localizedDescription); some of its pages may be new and others old, and the next build makes it whole")])
            }
        } catch let failure as BuildFailure {
            throw failure
        } catch {
            throw BuildFailure([.error(at: SourceLocation(path: displayName), "could not write the site: \(error.localizedDescription); the previous site is unchanged")])
        }
    }

    /// Where `serve`'s search index is made before it replaces the site's (`BackgroundSearchIndex`).
    var searchIndex: URL { sibling("search") }

    /// Puts the search index made in `searchIndex` into the site as its `pagefind/`, in one step where the system
    /// can (the old index then goes after), so the search page finds one index or the other, whole.
    func publishSearchIndex() throws {
        let target = output.appendingPathComponent(SearchIndexer.indexFolder)
        let manager = FileManager.default
        if SiteFolderPaths.isRealFolder(target.path), AtomicExchange.exchange(searchIndex.path, target.path) {
            try? manager.removeItem(at: searchIndex)
            return
        }
        try? manager.removeItem(at: target)
        try manager.moveItem(at: searchIndex, to: target)
    }

    /// The staging folder: what a killed build left there, else the site the last build replaced, else a new one.
    private func makeStagingFolder() throws -> StagingFolder {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if !manager.fileExists(atPath: staging.path, isDirectory: &isFolder) {
            if (try? manager.moveItem(at: retired, to: staging)) == nil {
                try manager.createDirectory(at: staging, withIntermediateDirectories: true)
                return StagingFolder(root: staging, displayName: displayName)
            }
        } else if !isFolder.boolValue {
            try manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            return StagingFolder(root: staging, displayName: displayName)
        }
        return StagingFolder(root: staging, displayName: displayName, recycled: true)
    }

    /// Old and new site swapped in one step where the system can (Linux `renameat2`), then the old one set aside as
    /// `.NAME.old`. Elsewhere: old site out of the way, new site in, old site set aside; a build killed between those two renames
    /// leaves the old site whole at `.NAME.previous`, and the next build puts it back first (`restoreInterruptedSwap`).
    private func swapIntoPlace() throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: output.path) else {
            try manager.moveItem(at: staging, to: output)
            return
        }
        if AtomicExchange.exchange(staging.path, output.path) {
            retire(staging)
            return
        }
        try? manager.removeItem(at: previous)
        try manager.moveItem(at: output, to: previous)
        do {
            try manager.moveItem(at: staging, to: output)
        } catch {
            try? manager.moveItem(at: previous, to: output)
            throw error
        }
        retire(previous)
    }

    /// Moves a replaced site (or an unpublished staging folder) out of the way for the next build to write into.
    /// Only one is kept: an older one is removed (or the folder itself, if it cannot be moved).
    private func retire(_ oldSite: URL) {
        let manager = FileManager.default
        try? manager.removeItem(at: retired)
        if (try? manager.moveItem(at: oldSite, to: retired)) == nil {
            try? manager.removeItem(at: oldSite)
        }
    }

    /// If an earlier build was killed after moving the old site aside and before moving the new one in, the old site
    /// is whole at `.NAME.previous`: put it back before anything else, so it is never lost.
    func restoreInterruptedSwap() {
        let manager = FileManager.default
        if !manager.fileExists(atPath: output.path), manager.fileExists(atPath: previous.path) {
            try? manager.moveItem(at: previous, to: output)
        }
    }
}
