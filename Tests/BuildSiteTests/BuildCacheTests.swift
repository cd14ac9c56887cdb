import Foundation
import Testing
@testable import BuildSite

/// A rebuild with nothing changed is recognised; any change to what a build reads is too.
@Suite("Build cache")
struct BuildCacheTests {
    func report(_ documents: Int = 5) -> BuildReport {
        BuildReport(documents: documents, pages: documents + 4,
                    warnings: [.warning(at: SourceLocation(path: "Content/x.md", line: 3, column: 2), "unknown key 'sumary'")], seconds: 1)
    }

    @Test("Same inputs and output: up to date, with the last build's numbers and warnings")
    func upToDate() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.options.outputURL, withIntermediateDirectories: true)
        let cache = BuildCache(options: site.options)
        let fingerprint = try #require(cache.fingerprint())
        #expect(cache.upToDateReport(for: fingerprint, started: Date()) == nil)
        cache.record(fingerprint, report: report(), pages: [:])
        #expect(cache.file.lastPathComponent == ".Site.cache")
        let again = try #require(cache.upToDateReport(for: cache.fingerprint(), started: Date()))
        #expect(again.documents == 5 && again.pages == 9)
        #expect(again.warnings.map(\.description) == ["Content/x.md:3:2: warning: unknown key 'sumary'"])
        cache.invalidate()
        #expect(cache.upToDateReport(for: fingerprint, started: Date()) == nil)
    }

    @Test("A changed report, template, site.yml, new image or option changes the fingerprint", arguments: [
        "Content/minutes/2023-islington-audit-committee-risk-deep-dive-safeguarding.md", "Templates/base.mustache",
        "Content/site.yml", "Content/images/new.png", "Templates/assets/site.css",
    ])
    func changes(path: String) throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        let before = try #require(BuildCache(options: site.options).fingerprint())
        let url = site.root.appendingPathComponent(path)
        let old = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        try site.write(path, old + "\n")
        #expect(BuildCache(options: site.options).fingerprint() != before)
        try site.write(path, old)
        if FileManager.default.fileExists(atPath: url.path), !old.isEmpty {
            #expect(BuildCache(options: site.options).fingerprint() == before)
        }
        var drafts = site.options
        drafts.includeDrafts = true
        #expect(BuildCache(options: drafts).fingerprint() != BuildCache(options: site.options).fingerprint())
    }

    @Test("A first build fingerprints its reports from what it read: the fingerprint a rebuild makes from the files, so nothing changed is up to date")
    func firstBuildFingerprint() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        // Text that reading changes (a byte-order mark, CR line endings), a draft, and a hidden .md that is no document.
        try site.write("Content/minutes/bom.md", "\u{FEFF}---\ntype: minutes\ntitle: With a mark\ndate: 2021\n---\nText.\n")
        try site.write("Content/minutes/crlf.md", "---\r\ntype: minutes\r\ntitle: CR LF\r\ndate: 2021\r\n---\r\nText.\r\n")
        try site.write("Content/minutes/draft.md", "---\ntype: minutes\ntitle: Draft\ndate: 2021\ndraft: true\n---\nText.\n")
        try site.write("Content/.notes.md", "Not a document.\n")
        let cache = BuildCache(options: site.options)
        #expect(!cache.hasRecord)
        _ = try site.build()
        let record = try #require(cache.lastRecord())
        #expect(record.fingerprint == cache.fingerprint())
        let (again, stages) = try buildLoggingStages(site)
        #expect(stages.isEmpty, "nothing changed, so nothing is read or rendered: \(stages)")
        #expect(again.pages > 0)
        // The next build after an edit decodes only the edited report: the first build left every other one in the
        // documents' cache, each under the hash its fingerprint has.
        try site.write("Content/minutes/crlf.md", "---\r\ntype: minutes\r\ntitle: CR LF\r\ndate: 2021\r\n---\r\nText, edited.\r\n")
        let read = try #require(try buildLoggingStages(site).stages.first { $0.hasPrefix("Read and checked") })
        let counts = read.split(separator: " ").compactMap { Int($0) }
        // Read back: every report but the two whose text reading changes (BOM, CR LF: never kept), the edited one of
        // them; the draft is read back too, but is not among the documents built.
        #expect(counts.count == 2 && counts[1] == counts[0] + 1 - 2, "\(read)")
    }

    @Test("A settled file whose stamp is the recorded one is not read again; an edit that keeps its size and time is still seen")
    func fileStamps() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/a.md", "First text.\n")
        let path = site.root.appendingPathComponent("Content/a.md").path
        let everythingSettled = FileStamps(known: [:], settledBefore: Int.max)
        let (hash, stamp) = everythingSettled.hash(path, key: "content/a.md")
        #expect(hash == ChangeHash.hex(of: "First text.\n"))
        let recordedStamp = try #require(stamp)
        // Known by its stamp: the recorded hash comes back, the file unread (a made-up hash shows it).
        let known = FileStamps(known: ["content/a.md": "recorded-hash " + recordedStamp], settledBefore: Int.max)
        #expect(known.hash(path, key: "content/a.md").hash == "recorded-hash")
        #expect(known.hash(path, key: "content/b.md").hash == hash)
        // Saved again with the same size and its modification time put back: the change time still moves on.
        var info = stat()
        #expect(stat(path, &info) == 0)
        try site.write("Content/a.md", "Other text.\n")
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        #expect(known.hash(path, key: "content/a.md").hash == ChangeHash.hex(of: "Other text.\n"))
        // A file changed since the build began (here: any file) is read, and not stamped.
        let nothingSettled = FileStamps(known: ["content/a.md": "recorded-hash " + recordedStamp], settledBefore: 0)
        #expect(nothingSettled.hash(path, key: "content/a.md") == (ChangeHash.hex(of: "Other text.\n"), nil))
        #expect(nothingSettled.settledStamp(of: path) == nil && everythingSettled.settledStamp(of: path) != nil)
    }

    @Test("A file's stamp is its device, inode, size and both times with their nanoseconds, as text")
    func stampText() {
        var info = stat()
        for (device, inode, size, seconds, nanoseconds) in [(UInt(0), UInt(0), 0, 0, 0), (2049, 131_074, 12, 1_795_862_953, 822_615_001),
                                                            (UInt.max, UInt.max, Int.max, -1, 999_999_999), (7, 9, 1, Int.min + 1, 5)] {
            info.st_dev = device
            info.st_ino = inode
            info.st_size = size
            info.st_mtim = timespec(tv_sec: seconds, tv_nsec: nanoseconds)
            info.st_ctim = timespec(tv_sec: seconds / 2, tv_nsec: nanoseconds / 3)
            #expect(FileStamps.stamp(info) == "\(device) \(inode) \(size) \(seconds).\(nanoseconds) \(seconds / 2).\(nanoseconds / 3)")
        }
    }

    @Test("A replaced or removed output folder is not up to date")
    func outputReplaced() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.options.outputURL, withIntermediateDirectories: true)
        let cache = BuildCache(options: site.options)
        let fingerprint = cache.fingerprint()
        cache.record(fingerprint, report: report(), pages: [:])
        try FileManager.default.removeItem(at: site.options.outputURL)
        #expect(cache.upToDateReport(for: fingerprint, started: Date()) == nil)
        try FileManager.default.createDirectory(at: site.options.outputURL, withIntermediateDirectories: true)
        #expect(cache.upToDateReport(for: fingerprint, started: Date()) == nil)
    }

    @Test("The record reads back as written, tables and warnings too; cut short or damaged it reads as no record")
    func recordReadBack() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.options.outputURL, withIntermediateDirectories: true)
        let cache = BuildCache(options: site.options)
        let pages = ["index.html": "1-2", "deep-dives/café/index.html": "3-4", "risks.csv": ""]
        let stamps = ["content/deep-dives/café.md": "7-8 2049 131 100 1700000000.5 1700000000.5"]
        cache.record("fingerprint", report: report(), pageSalt: "salt", pages: pages, documentsDigest: "digest",
                     documentSources: ["deep-dives/café/index.html": "5-6"], fileStamps: stamps)
        let record = try #require(cache.lastRecord())
        #expect(record.fingerprint == "fingerprint" && record.pageSalt == "salt" && record.documentsDigest == "digest")
        #expect(record.pages == pages)
        #expect(record.documentSources == ["deep-dives/café/index.html": "5-6"])
        #expect(record.fileStamps == stamps)
        #expect(record.documents == 5 && record.pageCount == 9)
        #expect(record.warnings.map(\.description) == ["Content/x.md:3:2: warning: unknown key 'sumary'"])

        let whole = try Data(contentsOf: cache.file)
        try whole.dropLast().write(to: cache.file)
        #expect(cache.lastRecord() == nil)
        try Data("{\"format\": 5}".utf8).write(to: cache.file)
        #expect(cache.lastRecord() == nil)
    }
}
