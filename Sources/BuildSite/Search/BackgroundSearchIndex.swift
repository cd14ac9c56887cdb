import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `serve`'s search index, made while the pages it indexes are already served. Pagefind takes about as long as the
/// build of 10,000 reports five times over (44 s against 8 s on the benchmark's machine), so a preview that waited
/// for it after every edit showed the edit late; `serve` builds with `SiteBuilder.indexesSearchLater` and starts
/// this after each build. Pagefind writes the index beside the site (`.NAME.search`), and it then replaces the
/// site's `pagefind/` in one step (`SiteWriter.publishSearchIndex`), so the search page always finds a whole index.
///
/// `stop()` before each build: the index of a site about to change is not wanted, and a build and a publishing
/// index must never write the output at once.
public final class BackgroundSearchIndex: @unchecked Sendable {
    private let options: BuildOptions
    private let writer: SiteWriter
    private let lock = NSLock()
    /// Held while an index is being put in place: `stop()` waits for it, so that no build starts meanwhile.
    private let publishing = NSLock()
    private var generation = 0
    private var running: Process?

    public init(options: BuildOptions) {
        self.options = options
        writer = SiteWriter(output: options.outputURL, displayName: options.output)
    }

    /// Starts indexing the pages of `scope` as they are now, stopping an index still being made; `done` is told what
    /// became of it, unless it was stopped, or the site it was made of has changed since (the change's build starts
    /// another).
    public func start(scope: SearchScope, done: @escaping @Sendable (SearchOutcome, [Diagnostic]) -> Void) {
        stop()
        let indexer = SearchIndexer(indexing: options.search)
        guard case .pagefind(let executable) = indexer.find() else { return }
        let process = indexer.process(executable, site: options.outputURL, scope: scope, indexFolder: writer.searchIndex)
        let mine = lock.withLock {
            running = process
            return generation
        }
        DispatchQueue.global().async { [self] in
            let (outcome, warnings) = SearchIndexer.run(process)
            guard case .indexed = outcome else {
                if isCurrent(mine) { done(outcome, warnings) }
                return
            }
            publishing.withLock {
                if isCurrent(mine), publish() { done(outcome, warnings) }
            }
        }
    }

    /// Stops the index being made, waits for one being put in place, and removes what is left of one not put in
    /// place.
    public func stop() {
        let process = lock.withLock {
            generation += 1
            defer { running = nil }
            return running
        }
        if let process, process.isRunning {
            // Pagefind 1.5 carries on after SIGTERM; its half-made index is thrown away, so nothing is lost.
            kill(process.processIdentifier, SIGKILL)
            // Gone before the next index is made in the same folder.
            for _ in 0..<2000 where process.isRunning { usleep(1000) }
        }
        publishing.withLock {}
        try? FileManager.default.removeItem(at: writer.searchIndex)
    }

    private func isCurrent(_ generation: Int) -> Bool {
        lock.withLock { self.generation == generation }
    }

    /// Replaces the site's index with the new one when the site is still what `serve`'s last build made of the
    /// content as it is now: not while another program's build writes the output, nor after one wrote it (each
    /// makes its own index), nor once the content changed. The build's record is kept valid: an index is no page.
    private func publish() -> Bool {
        guard let buildLock = try? BuildLock(output: options.outputURL, displayName: options.output) else { return false }
        defer { withExtendedLifetime(buildLock) {} }
        let cache = BuildCache(options: options, searchIndexedLater: true)
        guard let record = cache.lastRecord(), record.fingerprint == cache.fingerprint(),
              (try? writer.publishSearchIndex()) != nil else { return false }
        cache.restamp(record)
        return true
    }
}
