import Foundation

/// The entries of one folder with their kind as the folder itself records it (`d_type` from `readdir`), so that
/// listing ten thousand reports needs no `lstat` for each (twice per build: for the fingerprint and for loading).
/// A file system that does not record kinds gives `.unknown`, and the caller asks `lstat`.
enum FolderEntries {
    enum Kind {
        case folder, file, link, other, unknown
    }

    /// The entries but `.` and `..`, in the order the folder gives them; nil when the folder cannot be read.
    static func read(_ path: String) -> [(name: String, kind: Kind)]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        // The name and kind are read where they lie: a directory entry is only as long as its own name, so copying
        // the whole entry (or its `d_name` array) would read past its end.
        guard let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name),
              let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type) else { return nil }
        var entries: [(name: String, kind: Kind)] = []
        while let entry = readdir(folder) {
            let record = UnsafeRawPointer(entry)
            let name = String(cString: record.advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." { continue }
            entries.append((name, kind(Int32(record.load(fromByteOffset: typeOffset, as: UInt8.self)))))
        }
        return entries
    }

    private static func kind(_ type: Int32) -> Kind {
        switch type {
        case Int32(DT_DIR): .folder
        case Int32(DT_REG): .file
        case Int32(DT_LNK): .link
        case Int32(DT_UNKNOWN): .unknown
        default: .other
        }
    }
}
