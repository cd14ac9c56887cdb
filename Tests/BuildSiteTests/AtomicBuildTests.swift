import Testing
import Foundation
@testable import BuildSite

/// Nothing lost: the published folder is the old site or the new site, whole, whatever happens to a build;
/// build-site writes nowhere else; and two builds never write one folder at once.
@Suite("A build never leaves a half-built or lost site", .serialized)
struct AtomicBuildTests {
    static func smallSite() throws -> TemporarySite {
        let site = try TemporarySite()
        try site.write("Content/annual-reports/2023-report.md", "---\ntype: annual-report\ntitle: Annual report 2023\ndate: 2023-09\n---\n1.1. Text.\n")
        return site
    }

    @Test("A failed build leaves Site/ byte for byte as it was, and no staging folder behind")
    func failedBuildChangesNothing() throws {
        let site = try Self.smallSite()
        defer { site.remove() }
        #expect(try site.run("build").status == 0)
        let before = site.tree("Site")
        #expect(before.count > 3)

        try site.write("Content/annual-reports/2023-report.md", "---\ntype: annual-report\ntitle: Changed\ndate: 2023-13\n---\n1.1. Text.\n")
        try site.write("Content/minutes/2023-new.md", "---\ntype: minutes\ntitle: New minutes\ndate: 2023-10-01\n---\nNew.\n")
        let failed = try site.run("build")
        #expect(failed.status == 1)
        #expect(failed.stderrLines.last == "Build failed with 1 error; Site was not changed.")
        let unchanged = site.tree("Site") == before
        #expect(unchanged)
        #expect(site.topLevelNames() == ["Content", "Templates", "Site", ".Site.lock", ".Site.cache", ".Site.documents"])
    }

    @Test("A build killed part-way leaves the old or the new site whole, and the next build completes",
          .timeLimit(.minutes(10)))
    func killedBuildLeavesAWholeSite() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try Self.writeCorpus(site, version: 1)
        #expect(try site.run("build").status == 0)
        let version1 = site.tree("Site")
        try Self.writeCorpus(site, version: 2)
        #expect(try site.run("build", "--output", "Expected").status == 0)
        let version2 = site.tree("Expected")
        let versionsDiffer = version1.count == version2.count && version1 != version2
        #expect(versionsDiffer)

        // Each trial builds the other version and is killed at a later point: as soon as the staging folder
        // exists, a tenth of the way through rendering and writing, and after the last file is written (around the swap).
        let points: [(String, (RunningCommand) -> Bool)] = [
            ("staging folder made", { _ in site.exists(".Site.staging") }),
            ("a tenth written", { $0.stderr.contains("Rendering") }),
            ("every file written", { $0.stderr.contains("Rendered and wrote") }),
        ]
        var current = 1
        var keptOld = 0
        for (name, reached) in points {
            let target = current == 1 ? 2 : 1
            try Self.writeCorpus(site, version: target)
            let before = current == 1 ? version1 : version2
            let after = target == 1 ? version1 : version2
            let build = try RunningCommand(["build", "--verbose"], in: site.root)
            let hit = eventually(within: 300, every: 0.001) { reached(build) || !build.process.isRunning }
            build.kill()
            let killed = build.process.terminationReason == .uncaughtSignal
            build.cleanUp()
            #expect(hit && killed, "the build ended before it could be killed at '\(name)'")
            let now = site.tree("Site")
            let isOld = now == before, isNew = now == after
            #expect(isOld || isNew, "after a kill at '\(name)' Site/ is neither the old nor the new site (\(now.count) files)")
            if isOld { keptOld += 1 } else { current = target }
            if name != "every file written" { #expect(isOld, "killed before the swap at '\(name)', the old site must stay") }
        }
        #expect(keptOld >= 2)

        let finished = try site.run("build")
        #expect(finished.status == 0, "\(finished.stderr)")
        let finalIsWhole = site.tree("Site") == version1 || site.tree("Site") == version2
        #expect(finalIsWhole)
        #expect(!site.exists(".Site.staging") && !site.exists(".Site.previous"))
    }

    @Test("Two builds at once on one output: the second stops with a clear message and Site/ is whole")
    func secondBuildStops() throws {
        let site = try Self.smallSite()
        defer { site.remove() }
        #expect(try site.run("build").status == 0)
        let before = site.tree("Site")
        try site.write("Content/annual-reports/2023-report.md", "---\ntype: annual-report\ntitle: Changed title\ndate: 2023-09\n---\n1.1. Text.\n")

        // The first build holds the lock while it writes; this test holds it the same way.
        let lock = try BuildLock(output: site.root.appendingPathComponent("Site"), displayName: "Site")
        let second = try site.run("build")
        #expect(second.status == 1)
        #expect(second.stderrLines == [
            "Site:1:1: error: another build is writing this output folder now; wait for it to finish, then build again",
            "Build failed with 1 error; Site was not changed.",
        ])
        #expect(site.tree("Site") == before)
        withExtendedLifetime(lock) {}
    }

    @Test("Two real builds started together both end cleanly and leave one whole site", .timeLimit(.minutes(10)))
    func concurrentBuilds() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try Self.writeCorpus(site, version: 1, count: 100)
        #expect(try site.run("build", "--output", "Expected").status == 0)
        let expected = site.tree("Expected")
        let first = try RunningCommand(["build"], in: site.root)
        let second = try RunningCommand(["build"], in: site.root)
        for result in [first.wait(), second.wait()] {
            #expect(result.status == 0 || result.stderr.contains("another build is writing this output folder now"), "\(result.stderr)")
        }
        let whole = site.tree("Site") == expected
        #expect(whole)
    }

    @Test("An output folder that is, or holds, the content or templates is refused and nothing is touched",
          arguments: [["--output", "Content"], ["--output", "."], ["--output", "Templates"], ["--output", "ContentLink"],
                      ["--content", "Site/Content", "--output", "Site"]])
    func refusesDangerousOutput(arguments: [String]) throws {
        let site = try Self.smallSite()
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("ContentLink").path, withDestinationPath: "Content")
        if arguments.contains("Site/Content") {
            try FileManager.default.createDirectory(at: site.root.appendingPathComponent("Site"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: site.root.appendingPathComponent("Content"), to: site.root.appendingPathComponent("Site/Content"))
        }
        let content = site.tree("Content")
        let templates = site.tree("Templates")
        let names = site.topLevelNames()
        let result = try RunningCommand(["build"] + arguments, in: site.root).wait()
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: the output folder is or contains") || result.stderr.contains("error: the output folder contains the current folder"), "\(result.stderr)")
        #expect(site.tree("Content") == content && site.tree("Templates") == templates)
        #expect(site.topLevelNames() == names)
    }

    @Test("A folder of other files, or a file, is never replaced by a build")
    func refusesForeignOutput() throws {
        let site = try Self.smallSite()
        defer { site.remove() }
        try site.write("Documents/budget.xlsx", "numbers")
        try site.write("notes.txt", "notes")
        let folder = try site.run("build", "--output", "Documents")
        #expect(folder.stderrLines.first == "Documents:1:1: error: the output folder holds files that are not a built site (it has no index.html), and a build replaces it whole; expected an empty folder, a site built before, or a new name such as Site")
        #expect(try site.read("Documents/budget.xlsx") == "numbers")
        let file = try site.run("build", "--output", "notes.txt")
        #expect(file.stderrLines.first == "notes.txt:1:1: error: the output is a file, not a folder; expected a folder such as Site, which build-site replaces on every build")
        #expect(try site.read("notes.txt") == "notes")
    }

    @Test("A build writes only its output folder and the lock beside it")
    func writesNothingElse() throws {
        let site = try Self.smallSite()
        defer { site.remove() }
        try site.write("Other/keep.txt", "keep")
        let content = site.tree("Content")
        #expect(try site.run("build").status == 0)
        #expect(try site.run("build").status == 0)
        #expect(site.topLevelNames() == ["Content", "Templates", "Other", "Site", ".Site.lock", ".Site.cache", ".Site.documents"])
        #expect(site.tree("Content") == content)
        #expect(try site.read("Other/keep.txt") == "keep")
    }

    @Test("An output inside folders that do not exist yet is built there, the folders made; a file in the way is an error")
    func makesTheOutputsFolders() throws {
        let site = try Self.smallSite()
        defer { site.remove() }
        let built = try site.run("build", "--output", "publish/council/Site")
        #expect(built.status == 0, "\(built.stderrLines)")
        #expect(site.exists("publish/council/Site/index.html"))
        #expect(site.exists("publish/council/.Site.lock"))
        try site.write("blocked", "a file where a folder would go")
        let blocked = try site.run("build", "--output", "blocked/Site")
        #expect(blocked.status != 0)
        #expect(blocked.stderrLines.first?.hasPrefix("blocked/Site:1:1: error: cannot make the folder ") == true, "\(blocked.stderrLines)")
        #expect(blocked.stderrLines.first?.hasSuffix("/blocked' to hold the output; expected a place build-site may write to") == true, "\(blocked.stderrLines)")
        #expect(try site.read("blocked") == "a file where a folder would go")
    }

    @Test("An old site left aside by an interrupted swap is put back before the next write")
    func restoresAnInterruptedSwap() throws {
        let site = try Self.smallSite()
        defer { site.remove() }
        #expect(try site.run("build").status == 0)
        let before = site.tree("Site")
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("Site"), to: site.root.appendingPathComponent(".Site.previous"))
        SiteWriter(output: site.root.appendingPathComponent("Site"), displayName: "Site").restoreInterruptedSwap()
        #expect(site.tree("Site") == before)
        #expect(!site.exists(".Site.previous"))
    }

    /// `count` annual reports whose every page says which version built it, and ten times as many small images,
    /// which make the writing stage long enough to be killed in the middle.
    static func writeCorpus(_ site: TemporarySite, version: Int, count: Int = 200) throws {
        for index in 0..<(count * 10) {
            try site.write("Content/annual-reports/images/chart-\(index).png", "\u{89}PNG version \(version) chart \(index)")
        }
        let paragraph = String(repeating: "The service reviews caseloads each month and reports to the committee. ", count: 4)
        for index in 0..<count {
            let body = (1...6).map { "1.\($0). \(paragraph)" }.joined(separator: "\n\n")
            try site.write("Content/annual-reports/2023-\(String(format: "%04d", index)).md",
                           "---\ntype: annual-report\ntitle: Report \(index), version \(version)\ndate: 2023-09\n---\n## 1. Introduction\n\n\(body)\n")
        }
    }
}
