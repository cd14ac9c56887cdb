import Foundation
import Testing
@testable import BuildSite

@Suite("The lock for short critical sections")
struct BriefLockTests {
    @Test("Threads that add to one count and one list under the lock lose nothing, and the lock gives back the body's result")
    func excludesOtherThreads() {
        final class Shared: @unchecked Sendable {
            let lock = BriefLock()
            var count = 0
            var items: [Int] = []
        }
        let shared = Shared()
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for index in 0..<20_000 {
                shared.lock.withLock {
                    shared.count += 1
                    shared.items.append(thread * 20_000 + index)
                }
            }
        }
        #expect(shared.count == 160_000)
        #expect(Set(shared.items).count == 160_000)
        #expect(shared.lock.withLock { shared.count * 2 } == 320_000)
    }
}
