import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a build puts its files: a staging folder that replaces the published site whole (`StagingFolder`), or the
/// few files a rebuild changes, applied to the published site in place (`PatchFolder`). Files arrive from several
/// rendering threads at once.
protocol SiteFolder: PageSink {
    /// Makes the last build's file at `path` (in `previousSite`) part of this build, unchanged; false when it cannot
    /// be, and the page is then made again.
    func keep(_ path: String, from previousSite: String) -> Bool
    /// Whether `keep` would find the last build's file at `path` to keep, without keeping it.
    func canKeep(_ path: String, from previousSite: String) -> Bool
    /// `keep`, for a file that `canKeep` found a moment ago: a folder that keeps files where they are does not look
    /// at it again.
    func keepChecked(_ path: String, from previousSite: String) -> Bool
    /// A page that had to be kept from the last build and could not be: the build fails and publishes nothing.
    func keepFailed(_ path: String)
    /// Every path this build wrote or kept.
    var paths: [String] { get }
    /// The first problems met, if any: the folder is then not published.
    var failure: BuildFailure? { get }
}

/// What the two kinds of folder share: refusing paths that leave the site, and saying what could not be written.
enum SiteFolderPaths {
    /// `path`'s folder part; throws for a path that is absolute or climbs out of the site (`..`, `.` or an empty
    /// part), which no page of this site has, so nothing is ever written outside the output folder.
    static func folder(of path: String, displayName: String) throws(BuildFailure) -> Substring {
        try check(path, displayName: displayName)
        // The last slash found by bytes: by Character, the search was 3% of a one-edit rebuild's instructions.
        return path[..<(path.utf8.lastIndex(of: UInt8(ascii: "/")) ?? path.startIndex)]
    }

    /// `folder(of:)`'s check alone, for a path whose folder is not needed.
    static func check(_ path: String, displayName: String) throws(BuildFailure) {
        guard staysInside(path) else {
            throw BuildFailure([.error(at: SourceLocation(path: path), "refusing to write outside the output folder; expected a path inside \(displayName)")])
        }
    }

    /// True when no part of `path` between slashes is empty, `.` or `..` (so it is not absolute either), read in one
    /// pass over its bytes: every file of every build comes here, and splitting each path into an array of its parts
    /// was a tenth of the time a one-edit rebuild spends keeping the pages it does not make again.
    static func staysInside(_ path: String) -> Bool {
        var path = path
        return path.withUTF8(staysInside)
    }

    private static func staysInside(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var partLength = 0, dots = 0
        for byte in bytes {
            if byte == UInt8(ascii: "/") {
                guard partLength > dots || dots > 2 else { return false }
                partLength = 0
                dots = 0
            } else {
                partLength += 1
                if byte == UInt8(ascii: "."), dots == partLength - 1 { dots += 1 }
            }
        }
        return partLength > dots || dots > 2
    }

    /// The problem an error writing `path` is, as the build reports it.
    static func diagnostics(for error: Error, writing path: String, displayName: String) -> [Diagnostic] {
        if let failure = error as? BuildFailure { return failure.diagnostics }
        return [.error(at: SourceLocation(path: displayName), "could not write \(path): \(error.localizedDescription); the previous site is unchanged")]
    }

    /// True when `path` names a plain file, not following a link.
    static func isPlainFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// True when `path` names a real folder, not a link to one.
    static func isRealFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
