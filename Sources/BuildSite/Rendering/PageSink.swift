import Foundation

/// Where the renderer hands each file as soon as it is made, so that a big site is written as it is rendered and
/// never held in memory whole. `accept` is called from several threads at once.
public protocol PageSink: Sendable {
    func accept(_ file: OutputFile)
}

/// Keeps every file, for `check`, the tests and the fuzzer, which read the pages rather than publish them.
final class CollectingSink: PageSink, @unchecked Sendable {
    private let lock = BriefLock()
    private var files: [OutputFile] = []

    func accept(_ file: OutputFile) {
        lock.withLock { files.append(file) }
    }

    /// In path order, whatever order the threads finished in.
    var sortedFiles: [OutputFile] {
        lock.withLock { files.sorted { $0.path < $1.path } }
    }
}

/// Passes files on to a sink and remembers the HTML pages' paths, for the sitemap and the page count.
final class PageList: @unchecked Sendable {
    private let sink: any PageSink
    private let lock = BriefLock()
    private var paths: [String] = []

    init(_ sink: some PageSink) {
        self.sink = sink
    }

    func accept(_ file: OutputFile) {
        if file.path.hasSuffix(".html"), !file.isCopy { lock.withLock { paths.append(file.path) } }
        sink.accept(file)
    }

    var htmlPaths: [String] { lock.withLock { paths } }
}
