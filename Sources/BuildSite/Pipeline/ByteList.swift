import Foundation

/// A list of byte strings as one file's bytes, for what a build keeps beside the output for the next one
/// (`DocumentCache`'s `.Site.documents`, `BuildCache`'s `.Site.cache`): a header line, the count, then each item's length and bytes, lengths as 8-byte little-endian
/// numbers. The items are already encoded (JSON, text); this only strings them together.
///
/// Why not a property list: at 10,000 reports `.Site.documents` holds 10,000 encoded documents and 3,334 deep-dives'
/// risks (24 MB), and Foundation's binary property list took 0.09 s to read it and 0.12 s to write it; the reading
/// held up a one-edit rebuild before it could decode anything. This copies each item once.
///
/// A file this program did not write, or one cut short, reads as nil: every length is checked against what is left.
enum ByteList {
    private static let header = Array("build-site byte list 1\n".utf8)

    static func encode(_ items: [Data]) -> Data {
        var writer = Writer(count: items.count, bytes: items.reduce(0) { $0 + $1.count })
        for item in items { writer.append(item) }
        return writer.data
    }

    /// Writes `count` items straight into the list's bytes, without a `Data` for each (a rebuild's record and
    /// cache are tens of thousands of short texts, and the build waits for the record before it ends). The bytes
    /// gather in an array, written to the file as they are: appending to `Data` piece by piece cost ten times as
    /// much, and the record is written at the very end of a build, on one core while the other waits.
    struct Writer {
        private var bytes: [UInt8] = []

        /// `bytes`: about how many bytes the items hold, to reserve room for them.
        init(count: Int, bytes: Int) {
            self.bytes.reserveCapacity(ByteList.header.count + 8 * (count + 1) + bytes)
            self.bytes.append(contentsOf: ByteList.header)
            appendLength(count)
        }

        var data: Data { Data(bytes) }

        /// The list's bytes as they are, for a file written straight from them (`CacheFile`): a `Data` of them is a
        /// copy, of 22 MB at 10,000 reports.
        var array: [UInt8] { bytes }

        mutating func append(_ item: Data) {
            appendLength(item.count)
            bytes.append(contentsOf: item)
        }

        mutating func append(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                appendLength(utf8.count)
                bytes.append(contentsOf: utf8)
            }
        }

        private mutating func appendLength(_ length: Int) {
            withUnsafeBytes(of: UInt64(length).littleEndian) { bytes.append(contentsOf: $0) }
        }
    }

    /// The items, as slices of `data` (sharing its bytes, not copies: a rebuild reads a record of tens of thousands
    /// of short items, and copying each into a `Data` of its own was a twentieth of a one-edit rebuild at 1,000
    /// reports).
    static func decode(_ data: Data) -> [Data]? {
        let start = data.startIndex
        return data.withUnsafeBytes(ranges)?.map { data[(start + $0.lowerBound)..<(start + $0.upperBound)] }
    }

    /// Where each item lies in `bytes`, for a reader that takes its items from the bytes in place: a `Data` slice of
    /// each item is a copy of the list's storage reference, and reading text from one goes through that storage's
    /// exclusive-access checks (six for each of a record's key and value pairs).
    static func ranges(_ bytes: UnsafeRawBufferPointer) -> [Range<Int>]? {
        guard bytes.count >= header.count, bytes[..<header.count].elementsEqual(header) else { return nil }
        var offset = header.count
        func number() -> Int? {
            guard bytes.count - offset >= 8 else { return nil }
            let value = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
            // No item or count can be longer than the bytes left: a larger one is damage, not a list.
            guard value <= UInt64(bytes.count - offset) else { return nil }
            return Int(value)
        }
        // Each item takes eight bytes at least, for its length: a count beyond that is damage too.
        guard let count = number(), count <= (bytes.count - offset) / 8 else { return nil }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(count)
        for _ in 0..<count {
            guard let length = number() else { return nil }
            ranges.append(offset..<offset + length)
            offset += length
        }
        return offset == bytes.count ? ranges : nil
    }

    /// The item at `range` of `bytes` (one of `ranges`) as text.
    static func text(_ range: Range<Int>, in bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
