import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing a page's file with plain `open`/`write`/`close`. Foundation's `Data.write(to:)` copies the text into a
/// `Data` and then calls `fsync` on every file: in the benchmark a build spent more wall time waiting for those
/// flushes than computing. A static site needs no flush per page (Hugo and Jekyll do none): the staging folder is
/// swapped into place only after every file was written without error, which is the promise the writer makes.
enum PageFileWriting {
    /// Writes `bytes` into a new file at `path`, which must not exist (the staging folder removes what was there
    /// first).
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var failure: Int32?
        var offset = 0
        while offset < bytes.count, let base = bytes.baseAddress {
            let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            offset += written
        }
        let closed = close(descriptor)
        if let failure { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
        if closed != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}
