import Foundation

/// Writes a finished site so that the published folder is never half-built: everything goes into a staging folder
/// beside the output, which replaces the output in two renames only when every file was written.
/// It never writes or deletes outside the output folder and its two siblings `.NAME.staging` and `.NAME.previous`.
public struct SiteWriter: Sendable {
    public let output: URL
    public let displayName: String

    public init(output: URL, displayName: String) {
        self.output = output.standardizedFileURL
        self.displayName = displayName
    }

    var staging: URL { sibling("staging") }
    var previous: URL { sibling("previous") }

    private func sibling(_ role: String) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).\(role)")
    }

    /// `progress` is told (files written, total) as the staging folder fills; `beforePublishing` sees the finished
    /// staging folder before it replaces the output (the search index is made there).
    public func write(_ files: [OutputFile], progress: ((Int, Int) -> Void)? = nil,
                      beforePublishing: (URL) -> Void = { _ in }) throws(BuildFailure) {
        let manager = FileManager.default
        do {
            restoreInterruptedSwap()
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            var madeFolders: Set<String> = [""]
            for (index, file) in files.enumerated() {
                defer { progress?(index + 1, files.count) }
                guard let destination = destination(for: file.path) else {
                    throw BuildFailure([.error(at: SourceLocation(path: file.path), "refusing to write outside the output folder; expected a path inside \(displayName)")])
                }
                let folder = (file.path as NSString).deletingLastPathComponent
                if !madeFolders.contains(folder) {
                    try manager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                    madeFolders.insert(folder)
                }
                switch file.contents {
                case .text(let text):
                    try PageFileWriting.write(text, to: destination)
                case .copy(let source):
                    // A file that is a link (checked by the loader to stay inside the content folder) is published
                    // as the file it points to: a copied link would point back into Content/, or nowhere once deployed.
                    try manager.copyItem(at: source.resolvingSymlinksInPath(), to: destination)
                }
            }
            beforePublishing(staging)
            try swapIntoPlace()
        } catch let failure as BuildFailure {
            try? manager.removeItem(at: staging)
            throw failure
        } catch {
            try? manager.removeItem(at: staging)
            throw BuildFailure([.error(at: SourceLocation(path: displayName), "could not write the site: \(error.localizedDescription); the previous site is unchanged")])
        }
    }

    /// A relative path with no `..`, no absolute part and no hidden folder stays inside the staging folder.
    private func destination(for path: String) -> URL? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0 != ".." && $0 != "." }) else { return nil }
        return staging.appendingPathComponent(path)
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
            try? manager.removeItem(at: staging)
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
        try? manager.removeItem(at: previous)
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
