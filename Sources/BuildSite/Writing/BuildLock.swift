import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps two builds from writing the same output at once: the second one stops with a clear message.
/// The lock is an advisory `flock` on `.NAME.lock` beside the output; the kernel drops it if the build dies.
public final class BuildLock {
    private let descriptor: Int32

    public init(output: URL, displayName: String) throws(BuildFailure) {
        let path = output.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).lock").path
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BuildFailure([.error(at: SourceLocation(path: displayName), "cannot create the build lock beside the output folder; expected a folder build-site may write to")])
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw BuildFailure([.error(at: SourceLocation(path: displayName), "another build is writing this output folder now; wait for it to finish, then build again")])
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
