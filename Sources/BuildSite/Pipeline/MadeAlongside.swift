import Foundation

/// A value made on another thread while the build goes on with something else; `value` waits for it. For the parts
/// of a build that depend on nothing before them but are needed only later: the last build's record, read while
/// the content is fingerprinted; the templates, compiled while the documents are read; the decoded documents'
/// cache, written while the site is rendered.
///
/// On a thread of its own, not Dispatch's: Dispatch runs `concurrentPerform` on as many of its threads as there are
/// cores, and a thread of its pool busy with other work, or off the CPU, still counts as one. Writing the cache
/// (22 MB at 10,000 reports) on a pool thread left the render on one core for a third of a second, while the
/// writing thread was seen off the CPU.
final class MadeAlongside<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    private var result: Value?

    init(_ make: @escaping @Sendable () -> Value) {
        done.enter()
        let thread = Thread { [self] in
            result = make()
            done.leave()
        }
        thread.start()
    }

    /// Written once, by the thread that made it, before `done` is left; read only after waiting for `done`.
    var value: Value {
        done.wait()
        guard let result else { preconditionFailure("made before the group is left") }
        return result
    }
}

/// What the `build-site` command leaves for the process's exit to free: it exits as soon as the build returns, and
/// the system takes back the whole address space at once. Freeing a 10,000-report site model, the last build's
/// record and the page tables object by object took a tenth of a second after the site was already published.
/// Never used by `serve` or the tests, which build again in the same process.
enum LeftForExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ values: Any...) {
        lock.withLock { kept.append(contentsOf: values) }
    }
}
