import Foundation

/// `(0..<count).map(make)`, with the calls spread over every core, each result in its place. For passes whose items
/// are independent: reading and decoding the documents, hashing the content's files, grouping the documents by facet.
func concurrentMap<Value: Sendable>(_ count: Int, _ make: @Sendable (Int) -> Value) -> [Value] {
    [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
        if let base = buffer.baseAddress {
            // Each call writes its own slot and no other, so the slots need no lock.
            nonisolated(unsafe) let slots = base
            DispatchQueue.concurrentPerform(iterations: count) { index in
                (slots + index).initialize(to: make(index))
            }
        }
        initialized = count
    }
}
