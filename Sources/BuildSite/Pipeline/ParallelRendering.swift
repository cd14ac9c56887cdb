import Foundation

/// Pages are independent once the model is built, so they are rendered on every core. The results keep the input's
/// order, so the site is the same byte for byte whatever the number of cores or the timing of the threads.
extension Array where Element: Sendable {
    /// `map`, run on every core. `transform` must be safe to call from several threads at once (the renderers are:
    /// they read the model and the compiled templates and write nothing shared).
    func concurrentMap<Result>(_ transform: (Element) -> Result) -> [Result] {
        let count = self.count
        guard count > 1 else { return map(transform) }
        // A few chunks per core: big enough that handing out work costs nothing, small enough to even out
        // documents of very different sizes.
        let chunks = Swift.min(count, ProcessInfo.activeCores * 8)
        return withUnsafeBufferPointer { input in
            [Result](unsafeUninitializedCapacity: count) { output, initialized in
                nonisolated(unsafe) let input = input
                nonisolated(unsafe) let output = output
                withoutActuallyEscaping(transform) { transform in
                    nonisolated(unsafe) let transform = transform
                    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                        for offset in (count * chunk / chunks)..<(count * (chunk + 1) / chunks) {
                            output.initializeElement(at: offset, to: transform(input[offset]))
                        }
                    }
                }
                initialized = count
            }
        }
    }
}

extension ProcessInfo {
    /// Cores this process may use now (what `concurrentPerform` spreads work over).
    public static var activeCores: Int { Swift.max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

/// A site's pages as the writer takes them: some pages made up front (the home page, the listings), then every
/// document's page, rendered a batch at a time on every core, then files copied as they are. Only two batches of
/// rendered pages are held at once — the one being written and the next, rendered while the writer works — so the
/// memory a build needs does not grow with the number of pages, and writing overlaps rendering.
/// It counts the HTML pages it hands out, for the build's summary line.
public final class PageStream: Sequence, @unchecked Sendable {
    private let head: [OutputFile]
    private let documents: [Document]
    private let render: (Document) -> OutputFile
    private let tail: [OutputFile]
    private let batchSize: Int
    /// HTML pages handed out so far (all of them once the writer has finished).
    public private(set) var htmlPages = 0

    public init(head: [OutputFile], documents: [Document], render: @escaping (Document) -> OutputFile, tail: [OutputFile],
                batchSize: Int = ProcessInfo.activeCores * 16) {
        self.head = head
        self.documents = documents
        self.render = render
        self.tail = tail
        self.batchSize = Swift.max(1, batchSize)
    }

    /// The next batch, rendered on other threads while the current one is written.
    private final class PendingBatch: @unchecked Sendable {
        private let done = DispatchGroup()
        private var files: [OutputFile] = []

        init(_ documents: ArraySlice<Document>, render: @escaping (Document) -> OutputFile) {
            nonisolated(unsafe) let render = render
            let documents = Array(documents)
            DispatchQueue.global().async(group: done) { [self] in
                files = documents.concurrentMap(render)
            }
        }

        func wait() -> [OutputFile] {
            done.wait()
            return files
        }
    }

    private func startBatch(at start: Int) -> PendingBatch? {
        guard start < documents.count else { return nil }
        return PendingBatch(documents[start..<Swift.min(documents.count, start + batchSize)], render: render)
    }

    public func makeIterator() -> AnyIterator<OutputFile> {
        var headIndex = 0
        var batch: [OutputFile] = []
        var batchIndex = 0
        var pending: PendingBatch?
        var nextStart = 0
        var started = false
        var tailIndex = 0
        return AnyIterator { [self] in
            let file: OutputFile
            if !started {
                // The first batch renders while the head pages are written.
                started = true
                pending = startBatch(at: 0)
                nextStart = batchSize
            }
            if headIndex < head.count {
                file = head[headIndex]
                headIndex += 1
            } else if batchIndex < batch.count || pending != nil {
                if batchIndex == batch.count, let ready = pending {
                    batch = ready.wait()
                    batchIndex = 0
                    pending = startBatch(at: nextStart)
                    nextStart += batchSize
                }
                file = batch[batchIndex]
                batchIndex += 1
            } else if tailIndex < tail.count {
                file = tail[tailIndex]
                tailIndex += 1
            } else {
                return nil
            }
            if file.path.hasSuffix(".html") { htmlPages += 1 }
            return file
        }
    }
}

/// Counts finished pieces of work from several threads at once, for the progress line.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// Adds one and returns the new count.
    func increment() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
}
