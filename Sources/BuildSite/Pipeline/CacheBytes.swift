import Foundation

/// The encoding of the decoded-document cache (`DocumentCache`, `.Site.documents`): values one after another in a
/// fixed order, nothing between them. A number is a variable-length integer (seven bits a byte, lowest first; a
/// signed one zig-zagged, so that a small negative number is short too), a text its length in bytes and then its
/// UTF-8, a flag one byte, a list its count and then its items, and an optional value a flag and then the value.
///
/// It was JSON, through Foundation's JSONEncoder and JSONDecoder: encoding was 4.5% of a full build's CPU time, and
/// decoding most of what reading 10,000 documents back cost a rebuild. The reader checks every length and count
/// against the bytes left, so a damaged entry fails to decode (and is decoded afresh from its file); it never
/// reads past the end or reserves room for more items than the bytes could hold.
enum CacheBytes {
    /// The bytes are damaged or cut short.
    struct Damage: Error {}

    struct Writer {
        private(set) var bytes: [UInt8] = []

        init(capacity: Int = 512) {
            bytes.reserveCapacity(capacity)
        }

        var data: Data { Data(bytes) }

        mutating func write(unsigned number: UInt64) {
            var value = number
            while value >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }

        mutating func write(_ number: Int) {
            write(unsigned: UInt64(bitPattern: Int64((number << 1) ^ (number >> (Int.bitWidth - 1)))))
        }

        mutating func write(_ flag: Bool) {
            bytes.append(flag ? 1 : 0)
        }

        mutating func write(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                write(unsigned: UInt64(utf8.count))
                bytes.append(contentsOf: utf8)
            }
        }

        mutating func write(_ text: String?) {
            write(text != nil)
            if let text { write(text) }
        }

        mutating func write(_ texts: [String]) {
            write(unsigned: UInt64(texts.count))
            for text in texts { write(text) }
        }
    }

    struct Reader {
        private let bytes: [UInt8]
        private var offset = 0

        init(_ data: Data) {
            bytes = [UInt8](data)
        }

        /// True once every byte was read: an entry that decodes with bytes to spare is damaged too.
        var isAtEnd: Bool { offset == bytes.count }

        mutating func unsigned() throws(Damage) -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count, shift < 64 {
                let byte = bytes[offset]
                offset += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            throw Damage()
        }

        mutating func int() throws(Damage) -> Int {
            let zigzag = try unsigned()
            return Int(Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1))))
        }

        /// A count or a length: never more than the bytes left, as each item takes one byte at least.
        mutating func count() throws(Damage) -> Int {
            let count = try unsigned()
            guard count <= UInt64(bytes.count - offset) else { throw Damage() }
            return Int(count)
        }

        mutating func flag() throws(Damage) -> Bool {
            guard offset < bytes.count, bytes[offset] <= 1 else { throw Damage() }
            offset += 1
            return bytes[offset - 1] == 1
        }

        mutating func text() throws(Damage) -> String {
            let length = try count()
            defer { offset += length }
            return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
        }

        mutating func optionalText() throws(Damage) -> String? {
            try flag() ? try text() : nil
        }

        mutating func texts() throws(Damage) -> [String] {
            let count = try count()
            var texts: [String] = []
            texts.reserveCapacity(count)
            for _ in 0..<count { texts.append(try text()) }
            return texts
        }
    }
}
