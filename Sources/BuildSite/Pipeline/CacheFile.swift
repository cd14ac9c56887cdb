import Foundation

/// Writes the files a build keeps beside the output for the next one (`.Site.cache`, `.Site.documents`): whole or
/// not at all, through a temporary file renamed into place, but without `fsync`. Foundation's `Data.write(to:)`
/// flushes the file to disk, with or without `.atomic`: that held a one-edit rebuild at 10,000 reports for a tenth
/// of a second, and a full build waited 20 ms for the two files' flushes. A cache that a power cut leaves empty or
/// unreadable only makes the next build decode and render in full.
enum CacheFile {
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
