import Foundation

/// Pages are independent once the model is built, so they are rendered on every core. The results keep the input's
/// order, so the site is the same byte for byte whatever the number of cores or the timing of the threads.
extension Array where Element: Sendable {
    /// `map`, run on every core. `transform` must be safe to call from several threads at once (the renderers are:
    /// they read the model and the compiled templates and write nothing shared).
    func concurrentMap<Result>(_ transform: (Element) -> Result) -> [Result] {
        let count = self.count
        guard count > 1 else { return map(transform) }
        // A few chunks per core: big enough that handing out work costs nothing, small enough to even out
        // documents of very different sizes.
        let chunks = Swift.min(count, ProcessInfo.activeCores * 8)
        return withUnsafeBufferPointer { input in
            [Result](unsafeUninitializedCapacity: count) { output, initialized in
                nonisolated(unsafe) let input = input
                nonisolated(unsafe) let output = output
                withoutActuallyEscaping(transform) { transform in
                    nonisolated(unsafe) let transform = transform
                    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                        for offset in (count * chunk / chunks)..<(count * (chunk + 1) / chunks) {
                            output.initializeElement(at: offset, to: transform(input[offset]))
                        }
                    }
                }
                initialized = count
            }
        }
    }
}

extension ProcessInfo {
    /// Cores this process may use now (what `concurrentPerform` spreads work over).
    public static var activeCores: Int { Swift.max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

/// Counts finished pieces of work from several threads at once, for the progress line.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// Adds one and returns the new count.
    func increment() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
}
