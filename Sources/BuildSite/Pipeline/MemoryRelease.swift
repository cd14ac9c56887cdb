import Foundation

/// Gives freed heap memory back to the system between stages. Reading ten thousand reports leaves about a hundred
/// megabytes of freed file text and YAML trees scattered between the documents the model keeps; glibc keeps such
/// holes in the process until asked, so without this the build's peak memory would count them twice.
///
/// The `build-site` executable allocates with jemalloc instead (`Sources/MemoryAllocator`), which hands freed pages
/// back on its own within a second; there this is a no-op on glibc's unused heap. Purging jemalloc's arenas here as
/// well was measured: it saved under 10 MB at the peak and cost 3–5 CPU seconds of refaulted pages at 10,000 reports.
/// The tests and the fuzzer, which link this library without jemalloc, still use glibc and this trim.
enum MemoryRelease {
    /// One call at a time. Where malloc is replaced (jemalloc in the executable, AddressSanitizer in `make test`),
    /// glibc sets its heap up on the first `malloc_trim`, and a second first call meanwhile walks bins not yet made:
    /// AddressSanitizer caught it crashing inside glibc while tests built sites side by side.
    private static let lock = NSLock()

    static func returnFreedMemory() {
        #if os(Linux)
        lock.withLock { _ = malloc_trim(0) }
        #endif
    }
}

#if os(Linux)
/// glibc's `malloc_trim(3)`, which Swift's Glibc module does not export (it is declared in `<malloc.h>`).
@_silgen_name("malloc_trim")
private func malloc_trim(_ pad: Int) -> Int32
#endif
