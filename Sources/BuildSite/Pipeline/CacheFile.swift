import Foundation

/// Writes the files a build keeps beside the output for the next one (`.Site.cache`, `.Site.documents`): whole or
/// not at all, through a temporary file renamed into place, but without `fsync`. Foundation's `Data.write(to:)`
/// flushes the file to disk, with or without `.atomic`: that held a one-edit rebuild at 10,000 reports for a tenth
/// of a second, and a full build waited 20 ms for the two files' flushes. A cache that a power cut leaves empty or
/// unreadable only makes the next build decode and render in full.
enum CacheFile {
    /// A cache file's bytes, mapped into memory rather than copied: the document cache is 2 MB at 1,000 reports,
    /// and reading it into memory of its own was a fresh page to fault in for every 4 KB, and a copy, on the way
    /// to every rebuild. Safe because `write` never changes a cache file in place: a new one is renamed over it,
    /// and the mapping keeps the old one's bytes. Nil when the file cannot be read.
    static func read(_ file: URL) -> Data? {
        try? Data(contentsOf: file, options: .alwaysMapped)
    }

    static func write(_ data: some ContiguousBytes, to file: URL) {
        let temporary = file.deletingLastPathComponent()
            .appendingPathComponent(".\(file.lastPathComponent).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp")
        // A write that fails part-way (a full disk) leaves no half file behind, under either name.
        guard (try? data.withUnsafeBytes { try PageFileWriting.write($0, to: temporary.path) }) != nil,
              rename(temporary.path, file.path) == 0 else {
            unlink(temporary.path)
            return
        }
    }
}
