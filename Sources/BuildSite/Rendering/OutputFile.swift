import Foundation

/// One file of the finished site, named by its path inside the output folder.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case text(String)
        /// A file copied as it is (a stylesheet, an image), read only when written.
        case copy(from: URL)
        /// Already in the staging folder, kept from the last build because its inputs did not change (`PageReuse`).
        case kept
    }

    public var path: String
    public var contents: Contents

    public init(path: String, text: String) {
        self.path = path
        self.contents = .text(text)
    }

    public init(path: String, copying source: URL) {
        self.path = path
        self.contents = .copy(from: source)
    }

    static func kept(_ path: String) -> OutputFile {
        OutputFile(path: path, contents: .kept)
    }

    init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    /// A file published as it is (an asset), not a page the build made.
    var isCopy: Bool {
        if case .copy = contents { return true }
        return false
    }
}
