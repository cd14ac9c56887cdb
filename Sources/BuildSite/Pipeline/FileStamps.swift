import Foundation

/// What lets a rebuild fingerprint the content without reading every file again, as `make` and git do: each file's
/// stamp (its device, inode, size, and modification and change times, as `stat` gives them) is kept in the record
/// with the file's hash. A file whose stamp is the one recorded has the bytes that were hashed, and is not read.
///
/// Only a settled file is stamped: one last changed (both times) at least `margin` seconds before the build began.
/// The system sets a file's change time whenever its bytes or its stamp change, and never sets it back (short of
/// the clock going back); so a file saved after the build read it has a change time after the build began, is not
/// settled, and is read again next time. And two saves within one tick of the file system's clock (milliseconds;
/// two seconds on FAT) leave the same stamp: a file changed just before a build is read again by the next one, as
/// git does with "racily clean" files.
struct FileStamps: Sendable {
    static let contentKey = "content/"
    static let templatesKey = "templates/"
    static let margin = 3

    /// The record's values by key: the hash, a space, the stamp.
    let known: [String: String]
    /// Seconds since 1970: a file changed at or after this is not settled.
    let settledBefore: Int

    init(known: [String: String] = [:], now: Int = Int(time(nil))) {
        self.known = known
        settledBefore = now - Self.margin
    }

    /// For the tests: files changed before `settledBefore` are settled.
    init(known: [String: String], settledBefore: Int) {
        self.known = known
        self.settledBefore = settledBefore
    }

    /// The file's hash (nil when it cannot be read; "" for a folder or other non-file), and its stamp when it has
    /// settled: the recorded hash when its stamp is the one recorded under `key`, or else its bytes read and hashed.
    func hash(_ path: String, key: String) -> (hash: String?, stamp: String?) {
        var info = stat()
        guard stat(path, &info) == 0 else { return (nil, nil) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return ("", nil) }
        let stamp = settled(info) ? Self.stamp(info) : nil
        // "hash stamp", split at its first space by bytes: a search by Character was 5% of a one-edit rebuild.
        if let stamp, let recorded = known[key], let space = recorded.utf8.firstIndex(of: UInt8(ascii: " ")),
           recorded[recorded.utf8.index(after: space)...] == stamp {
            return (String(recorded[..<space]), stamp)
        }
        guard let data = FileManager.default.contents(atPath: path) else { return (nil, nil) }
        var hash = ChangeHash()
        hash.add(data)
        return (hash.hex, stamp)
    }

    /// The stamp of a file this build has read, when it has settled: one saved since it was read has not.
    func settledStamp(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, settled(info) else { return nil }
        return Self.stamp(info)
    }

    private func settled(_ info: stat) -> Bool {
        max(Int(info.st_mtim.tv_sec), Int(info.st_ctim.tv_sec)) < settledBefore
    }

    /// "device inode size modified.ns changed.ns", written digit by digit into one buffer: interpolating the seven
    /// numbers took 7,000 instructions for each file, 4% of a one-edit rebuild.
    static func stamp(_ info: stat) -> String {
        String(unsafeUninitializedCapacity: 7 * 21) { buffer in
            var count = 0
            func put(_ byte: UInt8) {
                buffer[count] = byte
                count += 1
            }
            func put(_ value: UInt64) {
                let start = count
                var rest = value
                repeat {
                    put(UInt8(ascii: "0") + UInt8(rest % 10))
                    rest /= 10
                } while rest > 0
                buffer[start..<count].reverse()
            }
            func put(_ value: Int) {
                if value < 0 { put(UInt8(ascii: "-")) }
                put(UInt64(value.magnitude))
            }
            put(UInt64(info.st_dev))
            put(UInt8(ascii: " "))
            put(UInt64(info.st_ino))
            put(UInt8(ascii: " "))
            put(Int(info.st_size))
            put(UInt8(ascii: " "))
            put(Int(info.st_mtim.tv_sec))
            put(UInt8(ascii: "."))
            put(Int(info.st_mtim.tv_nsec))
            put(UInt8(ascii: " "))
            put(Int(info.st_ctim.tv_sec))
            put(UInt8(ascii: "."))
            put(Int(info.st_ctim.tv_nsec))
            return count
        }
    }
}
