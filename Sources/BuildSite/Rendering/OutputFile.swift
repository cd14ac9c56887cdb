import Foundation
import Mustache

/// One file of the finished site, named by its path inside the output folder.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case text(String)
        /// A page as its template rendered it: UTF-8 bytes.
        case rendered(MustacheOutput)
        /// A file copied as it is (a stylesheet, an image), read only when written.
        case copy(from: URL)
        /// Already in the staging folder, kept from the last build because its inputs did not change (`PageReuse`).
        case kept
    }

    public var path: String
    public var contents: Contents
    /// A file published as it is (an asset, an image), copied or kept, not a page the build made.
    let isCopy: Bool

    public init(path: String, text: String) {
        self.init(path: path, contents: .text(text), isCopy: false)
    }

    public init(path: String, rendered page: MustacheOutput) {
        self.init(path: path, contents: .rendered(page), isCopy: false)
    }

    /// The UTF-8 bytes of a page or a text file, lent to `body`; nil for a copied or kept file.
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result? {
        switch contents {
        case .text(var text): try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
        case .rendered(let page): try body(UnsafeRawBufferPointer(page.bytes))
        case .copy, .kept: nil
        }
    }

    /// The text of a page or a text file; nil for a copied or kept file.
    public var text: String? {
        switch contents {
        case .text(let text): text
        case .rendered(let page): page.string
        case .copy, .kept: nil
        }
    }

    public init(path: String, copying source: URL) {
        self.init(path: path, contents: .copy(from: source), isCopy: true)
    }

    static func kept(_ path: String) -> OutputFile {
        OutputFile(path: path, contents: .kept, isCopy: false)
    }

    /// A file published as it is, kept from the last build because its bytes did not change.
    static func keptCopy(_ path: String) -> OutputFile {
        OutputFile(path: path, contents: .kept, isCopy: true)
    }

    init(path: String, contents: Contents, isCopy: Bool) {
        self.path = path
        self.contents = contents
        self.isCopy = isCopy
    }
}
