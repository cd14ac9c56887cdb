import Foundation

/// One file of the finished site, named by its path inside the output folder.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case text(String)
        /// A file copied as it is (a stylesheet, an image), read only when written.
        case copy(from: URL)
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
}
