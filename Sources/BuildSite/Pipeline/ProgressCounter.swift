import Foundation

/// Counts finished pieces of work from several threads at once, for the progress line.
final class ProgressCounter: @unchecked Sendable {
    private let lock = BriefLock()
    private var count = 0

    /// Adds one and returns the new count.
    func increment() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
}
