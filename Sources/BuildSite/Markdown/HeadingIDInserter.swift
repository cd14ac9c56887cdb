import Foundation

/// Gives each heading in cmark-gfm's HTML its id (`<h2>` becomes `<h2 id="risk-update">`), working on the bytes
/// cmark-gfm wrote and making the page's string once. It does what `HTMLPostProcessor.addHeadingIDs` does — the
/// n-th heading's tag is the first `<hN>` after the previous one; a tag not found ends the search — without the
/// Foundation string searches and the two extra copies of the HTML that showed in the benchmark's profile.
enum HeadingIDInserter {
    static func insert(into html: UnsafePointer<UInt8>, count: Int, headings: [Heading]) -> String {
        let source = UnsafeBufferPointer(start: html, count: count)
        guard !headings.isEmpty else { return String(decoding: source, as: UTF8.self) }

        // Where each heading's tag ends (just before its `>`), found in order as the old search did.
        var cuts: [(offset: Int, heading: Heading)] = []
        cuts.reserveCapacity(headings.count)
        var position = 0
        for heading in headings {
            let tag = Array("<h\(heading.level)>".utf8)
            guard let found = find(tag, in: source, from: position) else { break }
            cuts.append((found + tag.count - 1, heading))
            position = found + tag.count
        }
        let extra = cuts.reduce(0) { $0 + $1.heading.id.utf8.count + 6 }  // ` id=""` and the id
        return String(unsafeUninitializedCapacity: count + extra) { output in
            var written = 0
            var copied = 0
            func append(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard let base = bytes.baseAddress, bytes.count > 0, let target = output.baseAddress else { return }
                (target + written).update(from: base, count: bytes.count)
                written += bytes.count
            }
            for cut in cuts {
                append(UnsafeBufferPointer(rebasing: source[copied..<cut.offset]))
                var attribute = " id=\"\(cut.heading.id)\""
                attribute.withUTF8 { append($0) }
                copied = cut.offset
            }
            append(UnsafeBufferPointer(rebasing: source[copied...]))
            return written
        }
    }

    /// The first occurrence of `needle` in `haystack` at or after `start` (memchr finds each candidate `<`).
    private static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = haystack.baseAddress, let first = needle.first else { return nil }
        var position = start
        while position + needle.count <= haystack.count {
            guard let hit = memchr(base + position, Int32(first), haystack.count - position) else { return nil }
            let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            guard offset + needle.count <= haystack.count else { return nil }
            if memcmp(base + offset, needle, needle.count) == 0 { return offset }
            position = offset + 1
        }
        return nil
    }
}
