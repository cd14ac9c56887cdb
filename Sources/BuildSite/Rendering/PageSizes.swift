import Foundation

/// Room to render a template's next page into. A page rendered append by append (into a `String` then, into a
/// `MustacheOutput` now) is copied into new storage each time it outgrows the old, about eleven times for a 30 KB
/// page. (Growing strings was 2.2% of a 10,000-report build's samples; 1.7% with room for the last page's size, none
/// of it a page's.)
///
/// The room is the largest page the template has made, up to `largestRoom`, or the last page's size and a quarter
/// more if that is larger. The last size alone was too little wherever a template's pages alternate in size: a
/// report's page after a short one's grew twice (a deep-dive's risk appendix triples it), 764 copies of 10 MB in all
/// at 1,000 reports. Room that is not written to is never touched, so it costs no memory.
final class PageSizes: @unchecked Sendable {
    /// Beyond this, a page larger than the rest (the risk register) grows as it must, rather than every page of
    /// its template asking for that much.
    static let largestRoom = 256 * 1024

    private struct Sizes {
        var last = 0
        var largest = 0
    }

    private let lock = BriefLock()
    private var sizes: [String: Sizes] = [:]

    /// 4 KB before the first page.
    func room(for template: String) -> Int {
        let made = lock.withLock { sizes[template] } ?? Sizes()
        return Swift.max(4096, made.last + made.last / 4, Swift.min(made.largest, Self.largestRoom))
    }

    func record(_ size: Int, for template: String) {
        lock.withLock {
            var made = sizes[template] ?? Sizes()
            made.last = size
            made.largest = Swift.max(made.largest, size)
            sizes[template] = made
        }
    }
}
