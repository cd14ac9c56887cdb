/// Gives freed heap memory back to the system between stages. Reading ten thousand reports leaves about a hundred
/// megabytes of freed file text and YAML trees scattered between the documents the model keeps; glibc keeps such
/// holes in the process until asked, so without this the build's peak memory would count them twice.
enum MemoryRelease {
    static func returnFreedMemory() {
        #if os(Linux)
        _ = malloc_trim(0)
        #endif
    }
}

#if os(Linux)
/// glibc's `malloc_trim(3)`, which Swift's Glibc module does not export (it is declared in `<malloc.h>`).
@_silgen_name("malloc_trim")
private func malloc_trim(_ pad: Int) -> Int32
#endif
