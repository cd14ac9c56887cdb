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

    public func write(_ files: [OutputFile]) throws(BuildFailure) {
        let manager = FileManager.default
        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            var madeFolders: Set<String> = [""]
            for file in files {
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
                    try Data(text.utf8).write(to: destination)
                case .copy(let source):
                    // A file that is a link (checked by the loader to stay inside the content folder) is published
                    // as the file it points to: a copied link would point back into Content/, or nowhere once deployed.
                    try manager.copyItem(at: source.resolvingSymlinksInPath(), to: destination)
                }
            }
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

    /// Old site out of the way, new site in, old site removed: at every moment a whole site sits at one of the names.
    private func swapIntoPlace() throws {
        let manager = FileManager.default
        try? manager.removeItem(at: previous)
        if manager.fileExists(atPath: output.path) {
            try manager.moveItem(at: output, to: previous)
        }
        do {
            try manager.moveItem(at: staging, to: output)
        } catch {
            try? manager.moveItem(at: previous, to: output)
            throw error
        }
        try? manager.removeItem(at: previous)
    }
}
