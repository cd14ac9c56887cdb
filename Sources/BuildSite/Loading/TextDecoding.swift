import Foundation

/// Turns a file's bytes into text the parsers can trust: UTF-8 only, no byte-order mark, LF line endings.
enum TextDecoding {
    /// Returns nil when the bytes are not valid UTF-8; the caller reports where.
    static func decode(_ data: Data) -> String? {
        decodeNotingChanges(data)?.text
    }

    /// The text, and whether it differs from the bytes (a byte-order mark was removed, or CR line endings made LF).
    static func decodeNotingChanges(_ data: Data) -> (text: String, changed: Bool)? {
        var bytes = data[...]
        let hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if hasByteOrderMark { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        // `memchr`, not `String.contains` (which bridges the whole text to NSString) nor a Swift loop (slow in debug
        // builds): a 60 MB document costs milliseconds here.
        let hasCarriageReturn = bytes.withUnsafeBytes { $0.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false }
        guard hasCarriageReturn else { return (text, hasByteOrderMark) }
        return (text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"), true)
    }

    /// A regular file's text when it is valid UTF-8 with no byte-order mark and no CR, read into a buffer for the
    /// call and made a string run by run (`string(fromUTF8:)`): no `Data`, whose copies cost a tenth of a second of
    /// copying and page faults at 10,000 reports. Nil for any other file, for `decodeNotingChanges` to read:
    /// one that is not a regular file, is larger than `atMost` bytes or grew while it was read, has a byte-order
    /// mark or a CR, or has U+FFFD in it (which is what the string puts where bytes were not UTF-8, and may be
    /// in a valid file too).
    static func readPlainText(_ path: String, atMost limit: Int) -> String? {
        // Non-blocking, so that a pipe put where a file was listed is never waited on.
        let file = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var info = stat()
        guard fstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= limit else { return nil }
        let size = Int(info.st_size)
        // One byte more than the size, to see that the file did not grow since `fstat`.
        let read = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: size + 1) { buffer -> String? in
            guard let base = buffer.baseAddress else { return "" }
            var count = 0
            while count < buffer.count {
                let got = Foundation.read(file, base + count, buffer.count - count)
                if got < 0, errno == EINTR { continue }
                if got < 0 { return nil }
                if got == 0 { break }
                count += got
            }
            if count > size { return nil }
            return string(fromUTF8: UnsafeBufferPointer(start: base, count: count))
        }
        guard let text = read else { return nil }
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return true }
            return !bytes.starts(with: [0xEF, 0xBB, 0xBF])
                && memchr(base, 0x0D, bytes.count) == nil
                && !containsReplacementCharacter(bytes)
        }
        return plain == true ? text : nil
    }

    /// The text of UTF-8 bytes (invalid bytes repaired, as `String(decoding:as:)` repairs them), made run by run:
    /// the standard library checks a text that is all ASCII eight bytes at a time, but one with a single byte
    /// outside ASCII (a "£", a curly quote) byte by byte from start to end, six times the work, and half of all
    /// reports have one. Each run of ASCII is checked the fast way and each run outside ASCII on its own: no valid
    /// sequence, and no invalid one the repair replaces, reaches across an ASCII byte, so the runs give the same
    /// text as the whole.
    static func string(fromUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        var start = 0
        var outside = firstNonASCII(in: bytes, from: 0)
        if outside == bytes.count { return String(decoding: bytes, as: UTF8.self) }
        var text = ""
        text.reserveCapacity(bytes.count)
        while start < bytes.count {
            if outside > start { text.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<outside]), as: UTF8.self)) }
            var end = outside
            while end < bytes.count, bytes[end] >= 0x80 { end += 1 }
            if end > outside { text.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[outside..<end]), as: UTF8.self)) }
            start = end
            outside = firstNonASCII(in: bytes, from: start)
        }
        return text
    }

    /// The index of the first byte from 0x80 at or after `from`, or `bytes.count`: eight bytes at a time.
    private static func firstNonASCII(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var index = from
        while index + 8 <= bytes.count, ByteWords.nonASCII(ByteWords.load(bytes, at: index)) == 0 { index += 8 }
        while index < bytes.count, bytes[index] < 0x80 { index += 1 }
        return index
    }

    /// Whether U+FFFD (EF BF BD) is in the bytes: `memchr` finds each EF, which most texts have none of.
    static func containsReplacementCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var offset = 0
        while offset < bytes.count, let found = memchr(base + offset, 0xEF, bytes.count - offset) {
            let at = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            if at + 2 < bytes.count, bytes[at + 1] == 0xBF, bytes[at + 2] == 0xBD { return true }
            offset = at + 1
        }
        return false
    }

    /// Line and column of the first byte that is not valid UTF-8, for the error message.
    static func firstInvalidUTF8Location(_ data: Data) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            let end = data.index(index, offsetBy: length, limitedBy: data.endIndex) ?? data.endIndex
            if end - index < length || String(validating: data[index..<end], as: UTF8.self) == nil {
                return (line, column)
            }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index = end
        }
        return (line, column)
    }
}
