import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A lock for critical sections of a few instructions (a dictionary insert, a count) that both rendering threads
/// take thousands of times a build. `NSLock` is a plain pthread mutex: a thread that finds it held goes to sleep in
/// the kernel at once, and is woken only by a system call of the other thread, which was done within a microsecond.
/// A one-edit rebuild at 1,000 reports switched threads about 130 times so, most of them for these locks. glibc's
/// adaptive mutex spins a little before it sleeps; elsewhere this is a plain mutex, as `NSLock` is.
final class BriefLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        #if canImport(Glibc)
        pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_ADAPTIVE_NP))
        #endif
        pthread_mutex_init(mutex, &attributes)
        pthread_mutexattr_destroy(&attributes)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
