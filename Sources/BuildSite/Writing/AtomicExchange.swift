import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Swaps two folders in one step, so there is no moment at which neither name holds a whole site.
/// Linux has this as `renameat2(…, RENAME_EXCHANGE)` (since 3.15). Swift's Glibc module does not import `renameat2`
/// (it needs `_GNU_SOURCE`), so the function is looked up in the C library by name; where it is missing or the file
/// system refuses it, callers fall back to two renames and recover from an interruption on the next build.
enum AtomicExchange {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32

    private static let renameat2: RenameAt2? = {
        #if os(Linux)
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    /// `RENAME_EXCHANGE` from <linux/fs.h>.
    private static let exchangeFlag: UInt32 = 2

    /// True when the two paths were swapped; false when this system cannot (nothing was changed then).
    static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        guard let renameat2 else { return false }
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, exchangeFlag) == 0
        #else
        return false
        #endif
    }
}
