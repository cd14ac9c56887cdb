import Foundation

/// Writes the files a build keeps beside the output for the next one (`.Site.cache`, `.Site.documents`): whole or
/// not at all, through a temporary file renamed into place, but without `fsync`. Foundation's `.atomic` writes
/// flush the file to disk first, which held a one-edit rebuild at 10,000 reports for a tenth of a second; a cache
/// that a power cut leaves empty or unreadable only makes the next build decode and render in full.
enum CacheFile {
    static func write(_ data: Data, to file: URL) {
        let temporary = file.deletingLastPathComponent()
            .appendingPathComponent(".\(file.lastPathComponent).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp")
        // A write that fails part-way (a full disk) leaves no half file behind, under either name.
        guard (try? data.write(to: temporary)) != nil, rename(temporary.path, file.path) == 0 else {
            unlink(temporary.path)
            return
        }
    }
}
