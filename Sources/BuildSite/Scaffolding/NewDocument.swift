import Foundation

/// `build-site new`: writes `Content/<type folder>/<date>-<slug>.md` from the scaffold, never over an existing file.
public struct NewDocument: Sendable {
    public var content: String
    public var type: DocumentType
    public var title: String
    public var date: ContentDate

    public init(content: String = "Content", type: DocumentType, title: String, date: ContentDate) {
        self.content = content
        self.type = type
        self.title = title
        self.date = date
    }

    /// Today in the officer's own time zone, as `new` dates a document.
    public static func today(_ now: Date = Date()) -> ContentDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: now)
        return ContentDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// Writes the file and returns its path as the officer would type it (`Content/deep-dives/2025-01-06-x.md`).
    public func create() throws(BuildFailure) -> String {
        let contentURL = BuildOptions.url(content)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentURL.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw BuildFailure([.error(at: SourceLocation(path: content), "content folder not found; expected to be run in the folder that holds \(content)/, or --content naming it")])
        }
        let cleanTitle = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let fileName = DocumentScaffold.fileName(title: cleanTitle, date: date) else {
            throw BuildFailure([.error(at: SourceLocation(path: content), "the title \"\(title)\" has no letters or digits to name the file by; expected the document's title, e.g. \"Safeguarding children\"")])
        }
        let relative = type.folder + "/" + fileName
        let display = (content.hasSuffix("/") ? content : content + "/") + relative
        let folder = contentURL.appendingPathComponent(type.folder)
        let file = folder.appendingPathComponent(fileName)
        if FileManager.default.fileExists(atPath: file.path) {
            throw BuildFailure([.error(at: SourceLocation(path: display), "this file already exists and is left as it is; expected a new title, or edit that file")])
        }
        let settings = SiteSettingsDecoder.decode(Self.read(contentURL.appendingPathComponent("site.yml"), display: "site.yml")).0
        let text = DocumentScaffold.text(type: type, title: cleanTitle, date: date, council: settings.publisher.isEmpty ? nil : settings.publisher)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // `.withoutOverwriting` makes the "never overwrite" promise hold even against another `new` at the same moment.
            try Data(text.utf8).write(to: file, options: .withoutOverwriting)
        } catch {
            if FileManager.default.fileExists(atPath: file.path) {
                throw BuildFailure([.error(at: SourceLocation(path: display), "this file already exists and is left as it is; expected a new title, or edit that file")])
            }
            throw BuildFailure([.error(at: SourceLocation(path: display), "could not write this file: \(error.localizedDescription); expected a folder you may write to")])
        }
        return display
    }

    private static func read(_ url: URL, display: String) -> SourceFile? {
        guard let data = FileManager.default.contents(atPath: url.path), let text = TextDecoding.decode(data) else { return nil }
        return SourceFile(displayPath: display, contentPath: "site", text: text)
    }
}
