import Foundation

/// Lets a rebuild with nothing changed finish at once: a fingerprint of everything a build reads — every file in the
/// content and templates folders (paths and bytes), the build's options and the build-site program itself — is kept
/// beside the output (`.Site.cache`, next to `.Site.staging`) after each successful build. When the next build finds
/// the same fingerprint and the very output folder that build wrote (same inode, same modification time), the site on
/// disk is already what this build would write, so it reports the last build's result and writes nothing.
/// Any change at all (a report, a template, `site.yml`, an image, `--drafts`, a new build-site) rebuilds everything.
public struct BuildCache: Sendable {
    public let options: BuildOptions
    public let file: URL

    public init(options: BuildOptions) {
        self.options = options
        let output = options.outputURL
        file = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).cache")
    }

    /// What was written: compared field by field, so a cache from another version of build-site never matches.
    struct Record: Codable, Equatable {
        var format = 2
        var fingerprint: String
        var outputInode: UInt64
        var outputModified: Double
        var documents: Int
        var pages: Int
        var warnings: [Diagnostic]
    }

    /// The fingerprint of everything this build would read, or nil when a folder cannot be read (the build then
    /// runs in full and reports the problem as usual).
    public func fingerprint() -> String? {
        var hash = ChangeHash()
        hash.add("build-site cache 1")
        hash.add(options.contentURL.path)
        hash.add(options.templatesURL.path)
        hash.add(options.includeDrafts ? "drafts" : "no drafts")
        hash.add(options.baseURL ?? "")
        hash.add(String(describing: options.search))
        // The program itself: a rebuilt build-site may render the same content differently.
        var program = stat()
        if stat("/proc/self/exe", &program) == 0 {  // stat follows the link to the program's file
            hash.add("\(program.st_dev) \(program.st_ino) \(program.st_size) \(program.st_mtim.tv_sec).\(program.st_mtim.tv_nsec)")
        } else {
            hash.add(CommandLine.arguments.first ?? "")
        }
        guard Self.addFolder(options.contentURL, to: &hash), Self.addFolder(options.templatesURL, to: &hash) else { return nil }
        return hash.hex
    }

    /// The last build's report when its fingerprint and output folder are unchanged; nil means build in full.
    public func upToDateReport(for fingerprint: String?, started: Date) -> BuildReport? {
        guard let fingerprint, let data = FileManager.default.contents(atPath: file.path),
              let record = try? JSONDecoder().decode(Record.self, from: data),
              record.format == 2, record.fingerprint == fingerprint,
              let output = outputIdentity(), output.inode == record.outputInode, output.modified == record.outputModified else {
            return nil
        }
        return BuildReport(documents: record.documents, pages: record.pages, warnings: record.warnings,
                           seconds: Date().timeIntervalSince(started))
    }

    /// Forgets the last build before a new one writes, so a build that fails part-way never looks up to date.
    public func invalidate() {
        try? FileManager.default.removeItem(at: file)
    }

    /// Remembers a successful build; a cache that cannot be written only means the next build runs in full.
    public func record(_ fingerprint: String?, report: BuildReport) {
        guard let fingerprint, let output = outputIdentity() else { return }
        let record = Record(fingerprint: fingerprint, outputInode: output.inode, outputModified: output.modified,
                            documents: report.documents, pages: report.pages,
                            warnings: report.warnings)
        guard let data = try? JSONEncoder().encode(record) else { return }
        try? data.write(to: file, options: .atomic)
    }

    private func outputIdentity() -> (inode: UInt64, modified: Double)? {
        var info = stat()
        guard stat(options.outputURL.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return (UInt64(info.st_ino), Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }

    /// Every file under `folder` (hidden ones too: a changed `.md` swap file costs a rebuild, never a stale site),
    /// in sorted order, by relative path and bytes.
    private static func addFolder(_ folder: URL, to hash: inout ChangeHash) -> Bool {
        let root = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return false }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            paths.append(relative)
        }
        paths.sort()
        hash.add("folder \(paths.count)")
        for relative in paths {
            let path = root + "/" + relative
            var info = stat()
            guard stat(path, &info) == 0 else { return false }
            hash.add(relative)
            guard (info.st_mode & S_IFMT) == S_IFREG else { continue }
            guard let data = FileManager.default.contents(atPath: path) else { return false }
            hash.add(data)
        }
        return true
    }
}

/// A fast 64-bit hash for telling whether inputs changed (not for security): FNV-1a over 8-byte words, with each
/// piece's length mixed in so that "ab"+"c" and "a"+"bc" differ. Two lanes make a 128-bit fingerprint.
struct ChangeHash {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x8422_2325_cbf2_9ce4

    private mutating func mix(_ word: UInt64) {
        a = (a ^ word) &* 0x0000_0100_0000_01b3
        b = (b ^ (word &+ 0x9e37_79b9_7f4a_7c15)) &* 0xff51_afd7_ed55_8ccd
        b ^= b >> 29
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        mix(UInt64(bytes.count))
        var offset = 0
        while offset + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var last: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            last |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        mix(last)
    }

    mutating func add(_ data: Data) {
        data.withUnsafeBytes { add($0) }
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    var hex: String {
        String(a, radix: 16) + "-" + String(b, radix: 16)
    }
}
