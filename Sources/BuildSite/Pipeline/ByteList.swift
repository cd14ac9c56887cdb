import Foundation

/// A list of byte strings as one file's bytes, for what a build keeps beside the output for the next one
/// (`DocumentCache`): a header line, the count, then each item's length and bytes, lengths as 8-byte little-endian
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
        var data = Data(capacity: header.count + 8 + items.reduce(0) { $0 + 8 + $1.count })
        data.append(contentsOf: header)
        append(UInt64(items.count), to: &data)
        for item in items {
            append(UInt64(item.count), to: &data)
            data.append(item)
        }
        return data
    }

    static func decode(_ data: Data) -> [Data]? {
        data.withUnsafeBytes { bytes -> [Data]? in
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
            guard let count = number() else { return nil }
            var items: [Data] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                guard let length = number() else { return nil }
                items.append(Data(bytes[offset..<offset + length]))
                offset += length
            }
            return offset == bytes.count ? items : nil
        }
    }

    private static func append(_ number: UInt64, to data: inout Data) {
        withUnsafeBytes(of: number.littleEndian) { data.append(contentsOf: $0) }
    }
}
