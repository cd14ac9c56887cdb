import Foundation
import Testing
@testable import BuildSite

/// `.Site.documents` is a `ByteList`. A rebuild trusts what it reads back, so a file cut short, another program's
/// file or a damaged length must read as no list at all (the documents are then decoded afresh), never as a list.
@Suite("The byte list a rebuild reads its decoded documents from")
struct ByteListTests {
    let items = [Data("format".utf8), Data(), Data("Café — “quoted”".utf8), Data(repeating: 0, count: 300), Data([0xFF, 0x00, 0x0A])]

    @Test("Items come back as they went in: empty ones, text beyond ASCII, any byte")
    func roundTrip() {
        #expect(ByteList.decode(ByteList.encode(items)) == items)
        #expect(ByteList.decode(ByteList.encode([])) == [])
    }

    @Test("Every shorter file, and the file with a byte more, reads as no list")
    func cutShortOrLonger() {
        let data = ByteList.encode(items)
        for length in 0..<data.count {
            #expect(ByteList.decode(data.prefix(length)) == nil, "cut to \(length) bytes of \(data.count)")
        }
        #expect(ByteList.decode(data + Data([0])) == nil)
    }

    @Test("Another header, or a length larger than what is left, reads as no list")
    func damaged() throws {
        var otherHeader = ByteList.encode(items)
        otherHeader[0] ^= 0x20
        #expect(ByteList.decode(otherHeader) == nil)
        #expect(ByteList.decode(Data("bplist00".utf8)) == nil)

        var hugeCount = ByteList.encode(items)
        let countOffset = try #require(String(decoding: hugeCount, as: UTF8.self).firstIndex(of: "\n")).utf16Offset(in: String(decoding: hugeCount, as: UTF8.self)) + 1
        hugeCount.replaceSubrange(countOffset..<countOffset + 8, with: withUnsafeBytes(of: UInt64.max.littleEndian) { Data($0) })
        #expect(ByteList.decode(hugeCount) == nil)

        var hugeLength = ByteList.encode(items)
        hugeLength.replaceSubrange(countOffset + 8..<countOffset + 16, with: withUnsafeBytes(of: (UInt64(1) << 62).littleEndian) { Data($0) })
        #expect(ByteList.decode(hugeLength) == nil)
    }
}
