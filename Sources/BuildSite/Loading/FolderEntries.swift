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
        var entries: [(name: String, kind: Kind)] = []
        let read = forEach(in: folder) { name, kind in
            let name = String(cString: name)
            if name != "." && name != ".." { entries.append((name, kind)) }
        }
        return read ? entries : nil
    }

    /// Whether the folder at `path` in the folder open as `descriptor` holds no link, and no entry of a kind it does
    /// not record (which could be one); nil when it is not a folder, is a link itself, or cannot be read.
    static func holdsNoLink(_ path: String, in descriptor: Int32) -> Bool? {
        let opened = openat(descriptor, path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard opened >= 0 else { return nil }
        guard let folder = fdopendir(opened) else {
            close(opened)
            return nil
        }
        var noLink = true
        let read = forEach(in: folder) { _, kind in
            if kind == .link || kind == .unknown { noLink = false }
        }
        return read ? noLink : nil
    }

    /// Calls `body` with each entry's name (`.` and `..` too) and kind, then closes the folder. False when the
    /// layout of a directory entry is not known.
    private static func forEach(in folder: OpaquePointer, _ body: (UnsafePointer<CChar>, Kind) -> Void) -> Bool {
        defer { closedir(folder) }
        // The name and kind are read where they lie: a directory entry is only as long as its own name, so copying
        // the whole entry (or its `d_name` array) would read past its end.
        guard let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name),
              let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type) else { return false }
        while let entry = readdir(folder) {
            let record = UnsafeRawPointer(entry)
            body(record.advanced(by: nameOffset).assumingMemoryBound(to: CChar.self),
                 kind(Int32(record.load(fromByteOffset: typeOffset, as: UInt8.self))))
        }
        return true
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
