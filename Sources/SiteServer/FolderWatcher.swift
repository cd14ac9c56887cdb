import Foundation

/// Notices edits in the content and templates folders by comparing every file's modification time and size with the
/// last look. Polling twice a second is portable (no inotify or FSEvents) and cheap for a few thousand files.
struct FolderWatcher: Sendable {
    struct Stamp: Equatable, Sendable {
        var modified: Date
        var size: Int
    }

    let folders: [URL]

    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        for folder in folders {
            // The folder itself counts too, so a deleted or renamed folder is noticed.
            if let values = try? folder.resourceValues(forKeys: [.contentModificationDateKey]) {
                stamps[folder.path] = Stamp(modified: values.contentModificationDate ?? .distantPast, size: -1)
            }
            // Hidden files are skipped as the build skips them: editors' swap files change on every keystroke.
            guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in enumerator {
                guard let values = try? url.resourceValues(forKeys: Set(keys)) else { continue }
                stamps[url.path] = Stamp(modified: values.contentModificationDate ?? .distantPast,
                                         size: values.isRegularFile == true ? (values.fileSize ?? 0) : -1)
            }
        }
        return stamps
    }
}
