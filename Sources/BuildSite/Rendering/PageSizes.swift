import Foundation

/// The size of the last page each template made: room to render the next one into. A page rendered append by append
/// (into a `String` then, into a `MustacheOutput` now) is copied into new storage each time it outgrows the old,
/// about eleven times for a 30 KB page.
/// (Growing strings was 2.2% of a 10,000-report build's samples; 1.7% with this, none of it a page's.) Pages of one
/// template are of much the same size, and one a little longer than the last grows once.
final class PageSizes: @unchecked Sendable {
    private let lock = BriefLock()
    private var lastSizes: [String: Int] = [:]

    /// The last page's size and a quarter more, for the pages a little longer than it; 4 KB before the first.
    func room(for template: String) -> Int {
        let last = lock.withLock { lastSizes[template] } ?? 0
        return Swift.max(4096, last + last / 4)
    }

    func record(_ size: Int, for template: String) {
        lock.withLock { lastSizes[template] = size }
    }
}
