import Foundation

/// Sorts paths into the order `<` on `String` gives them, which decides the order the content is read,
/// fingerprinted and listed in, faster. When every path is ASCII, their bytes are gathered in one buffer and
/// compared there, which is the same order; otherwise `String`'s comparison decides. `String` checks each pair for
/// Unicode normalisation before it compares them: sorting the content folder's thousand paths that way, for the
/// fingerprint and again for loading, was 3% of a one-edit rebuild's instructions.
enum PathOrder {
    static func sort(_ paths: inout [String]) {
        sort(&paths) { $0 }
    }

    static func sort<Item>(_ items: inout [Item], by path: (Item) -> String) {
        var bytes: [UInt8] = []
        var spans: [(start: Int, count: Int, item: Int)] = []
        spans.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            let start = bytes.count
            bytes.append(contentsOf: path(item).utf8)
            spans.append((start, bytes.count - start, index))
        }
        let sorted = bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress, !buffer.contains(where: { $0 >= 0x80 }) else { return false }
            spans.sort { first, second in
                let order = memcmp(base + first.start, base + second.start, min(first.count, second.count))
                return order != 0 ? order < 0 : first.count < second.count
            }
            return true
        }
        guard sorted else {
            items.sort { path($0) < path($1) }
            return
        }
        items = spans.map { items[$0.item] }
    }
}
