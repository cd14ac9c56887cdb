import Foundation

/// Writes a finished site so that the published folder is never half-built: everything goes into a staging folder
/// beside the output, which replaces the output in two renames only when every file was written.
/// It never writes or deletes outside the output folder and its siblings `.NAME.staging`, `.NAME.previous` and
/// `.NAME.old`.
public struct SiteWriter: Sendable {
    public let output: URL
    public let displayName: String

    public init(output: URL, displayName: String) {
        self.output = output.standardizedFileURL
        self.displayName = displayName
    }

    var staging: URL { sibling("staging") }
    var previous: URL { sibling("previous") }
    /// The site the last build replaced. Removing a tree of ten thousand folders takes seconds on some disks, so it
    /// is not done while the new site waits to be published: the next build removes it while it reads the content.
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

    /// Starts removing the site the last build replaced, on another thread; `write` waits for it to finish before
    /// it puts the site it replaces there.
    public func startRemovingRetiredSite() -> RetiredSiteRemoval {
        RetiredSiteRemoval(removing: retired)
    }

    /// `produce` fills the staging folder (from any number of threads); when it has written everything without a
    /// failure, `beforePublishing` sees the finished folder (the search index is made there), and the folder
    /// replaces the output. On any failure the staging folder is removed and the output is left as it was.
    public func write(_ produce: (StagingFolder) -> Void, beforePublishing: (URL) -> Void = { _ in },
                      retiredSiteRemoval: RetiredSiteRemoval? = nil) throws(BuildFailure) {
        let manager = FileManager.default
        let removal = retiredSiteRemoval ?? startRemovingRetiredSite()
        do {
            restoreInterruptedSwap()
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            let folder = StagingFolder(root: staging, displayName: displayName)
            produce(folder)
            if let failure = folder.failure { throw failure }
            beforePublishing(staging)
            removal.wait()
            try swapIntoPlace()
        } catch let failure as BuildFailure {
            try? manager.removeItem(at: staging)
            throw failure
        } catch {
            try? manager.removeItem(at: staging)
            throw BuildFailure([.error(at: SourceLocation(path: displayName), "could not write the site: \(error.localizedDescription); the previous site is unchanged")])
        }
    }

    /// Old and new site swapped in one step where the system can (Linux `renameat2`), then the old one removed.
    /// Elsewhere: old site out of the way, new site in, old site removed; a build killed between those two renames
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

    /// Moves the replaced site out of the way for the next build to remove (or removes it, if it cannot be moved).
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

/// The removal of the last build's replaced site (`.NAME.old`), running on its own thread while the build reads and
/// renders; it is all file-system work, so it barely slows the build down.
public final class RetiredSiteRemoval: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var waited = false

    init(removing folder: URL) {
        guard FileManager.default.fileExists(atPath: folder.path) else {
            done.signal()
            return
        }
        let done = self.done
        Thread.detachNewThread {
            try? FileManager.default.removeItem(at: folder)
            done.signal()
        }
    }

    /// Returns once the folder is gone (at once after the first call).
    public func wait() {
        lock.withLock {
            if !waited { done.wait() }
            waited = true
        }
    }

    deinit {
        wait()
    }
}
