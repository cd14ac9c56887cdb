/// A content file as read from disk, before anything is parsed.
public struct SourceFile: Sendable {
    /// The path shown in messages, e.g. `Content/deep-dives/2024-03-camden-safeguarding-children.md`.
    public var displayPath: String
    /// The path inside the content folder without `.md`, e.g. `deep-dives/2024-03-camden-safeguarding-children`.
    public var contentPath: String
    /// The text with a byte-order mark removed and CRLF line endings made LF.
    public var text: String
    /// The hash of the file's bytes (`BuildCache.fileHash`) when they are not the text's (a byte-order mark, CR line
    /// endings); nil when they are, and the text's hash is the file's.
    public var bytesHash: String?

    public init(displayPath: String, contentPath: String, text: String, bytesHash: String? = nil) {
        self.displayPath = displayPath
        self.contentPath = contentPath
        self.text = text
        self.bytesHash = bytesHash
    }

    /// The hash of the file's bytes, as the build's fingerprint hashes the file.
    var fileHash: String { bytesHash ?? ChangeHash.hex(of: text) }
}
