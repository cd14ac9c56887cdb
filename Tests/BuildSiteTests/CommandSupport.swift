import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real `build-site` executable that `swift build` / `swift test` made, next to the test bundle.
enum BuildSiteExecutable {
    static let url: URL? = {
        var folders: [URL] = []
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        folders.append(repositoryRoot.appendingPathComponent(".build/debug"))
        return folders.map { $0.appendingPathComponent("build-site") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static func require() throws -> URL {
        guard let url else {
            throw CommandTestError("the build-site executable was not found next to the tests; run `swift build` first")
        }
        return url
    }
}

struct CommandTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// What a finished command printed and how it ended.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String

    var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
}

/// A started `build-site` process whose output goes to files (so a full pipe can never stall it).
final class RunningCommand {
    let process = Process()
    let stdoutURL: URL
    let stderrURL: URL

    init(_ arguments: [String], in folder: URL) throws {
        let id = UUID().uuidString
        stdoutURL = FileManager.default.temporaryDirectory.appendingPathComponent("build-site-out-\(id)")
        stderrURL = FileManager.default.temporaryDirectory.appendingPathComponent("build-site-err-\(id)")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = try BuildSiteExecutable.require()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    func wait() -> CommandResult {
        process.waitUntilExit()
        defer { cleanUp() }
        return CommandResult(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    /// SIGKILL: no clean-up handlers run, as when a machine loses power or an operator kills a stuck job.
    func kill() {
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// SIGTERM, then SIGKILL if it has not gone within five seconds.
    func terminate() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        kill()
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: stdoutURL)
        try? FileManager.default.removeItem(at: stderrURL)
    }
}

extension TemporarySite {
    /// Runs the real executable in the site's folder and waits for it.
    @discardableResult
    func run(_ arguments: String...) throws -> CommandResult {
        try RunningCommand(arguments, in: root).wait()
    }

    /// Every file under a folder of the site with its bytes, to tell whether a site changed at all.
    func tree(_ folder: String) -> [String: Data] {
        let base = root.appendingPathComponent(folder).resolvingSymlinksInPath()
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let relative = String(url.resolvingSymlinksInPath().path.dropFirst(base.path.count + 1))
            files[relative] = FileManager.default.contents(atPath: url.path)
        }
        return files
    }

    /// The names in the site's own folder, hidden ones included.
    func topLevelNames() -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [])
    }
}

/// Waits up to `seconds` for a condition, checking every `interval` seconds.
func eventually(within seconds: Double, every interval: Double = 0.05, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    repeat {
        if try condition() { return true }
        usleep(useconds_t(interval * 1_000_000))
    } while Date() < deadline
    return false
}
