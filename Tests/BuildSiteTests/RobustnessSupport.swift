import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import BuildSite

/// The regression fixtures: one file per kind of broken or awkward input (Tests/BuildSiteTests/Fixtures).
let fixturesFolder = repositoryRoot.appendingPathComponent("Tests/BuildSiteTests/Fixtures")

/// Whether these tests (and so the `build-site` beside them) were built with `--sanitize=address`, which makes
/// every allocation several times slower and larger: large-input tests then check correctness at a smaller size.
let runningUnderAddressSanitizer: Bool = dlsym(nil, "__asan_init") != nil

/// What one run of the built `build-site` command did: how it ended, what it printed, and its peak memory.
struct CommandRun {
    /// The exit status, or nil when the process was killed by a signal (a crash or a trap).
    var exitStatus: Int32?
    var signal: Int32?
    var standardOutput: String
    var standardError: String
    /// The process's peak resident memory (its own, not other tests' children), from `wait4`.
    var peakMemoryMB: Int
    var seconds: Double
}

/// Runs the `build-site` executable that `swift test` built beside the tests, as a user would, in `folder`.
/// It uses `posix_spawn` and `wait4` rather than `Process`, because only `wait4` gives this one child's peak memory.
enum BuildSiteCommand {
    static var executable: URL? {
        // `swift test` runs the tests from `.build/<config>/`, where the executable product was built too.
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        return candidates.map { $0.appendingPathComponent("build-site") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// `prefix` runs the command through another, e.g. `setpriv` to drop root's right to read any file.
    static func run(_ arguments: [String], in folder: URL, prefix: [String] = []) throws -> CommandRun {
        guard let executable else { throw CommandError.notBuilt }
        let logs = FileManager.default.temporaryDirectory.appendingPathComponent("build-site-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: logs) }
        let outPath = logs.appendingPathComponent("stdout").path
        let errPath = logs.appendingPathComponent("stderr").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        // The shell changes folder and then becomes the command (`exec`), so `wait4` measures build-site itself.
        // (glibc's posix_spawn_file_actions_addchdir_np is not visible to Swift.)
        let argv = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", folder.path] + prefix + [executable.path] + arguments
        let cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        // Swift's backtracer would hold a crashing child for seconds; a crash must simply end it.
        // Under the address sanitizer, memory still allocated when the command exits (Foundation's, the runtime's)
        // is not a leak worth failing on; overflows and use-after-free still stop it.
        var environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
        if environment["ASAN_OPTIONS"] == nil { environment["ASAN_OPTIONS"] = "detect_leaks=0" }
        let cEnvironment: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cEnvironment.forEach { free($0) } }

        let started = Date()
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, argv[0], &actions, nil, cArguments, cEnvironment)
        guard spawned == 0 else { throw CommandError.spawnFailed(spawned) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Date().timeIntervalSince(started)

        // The wait status, decoded as <sys/wait.h>'s macros do (Swift cannot import those macros).
        let signal = status & 0x7f
        return CommandRun(
            exitStatus: signal == 0 ? (status >> 8) & 0xff : nil,
            signal: signal == 0 ? nil : signal,
            standardOutput: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
            peakMemoryMB: Int(usage.ru_maxrss) / 1024,  // Linux reports kilobytes
            seconds: seconds)
    }

    enum CommandError: Error {
        case notBuilt
        case spawnFailed(Int32)
    }
}

extension TemporarySite {
    /// Copies a fixture into the content folder, keeping its bytes exactly (BOMs, CRLF, invalid UTF-8).
    func copyFixture(_ name: String, to path: String) throws {
        let destination = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixturesFolder.appendingPathComponent(name), to: destination)
    }

    /// Every file under `folder`, relative path → bytes, to show that a failed build changed nothing.
    func snapshot(_ folder: String) -> [String: Data] {
        let base = root.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return [:] }
        var files: [String: Data] = [:]
        for case let relative as String in enumerator {
            if let data = FileManager.default.contents(atPath: base.appendingPathComponent(relative).path) {
                files[relative] = data
            }
        }
        return files
    }

    /// Names in the site's parent folder other than Content, Templates and Site: a failed build leaves no staging folder.
    var leftovers: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [])
            .filter { !["Content", "Templates", "Site", ".Site.lock", ".Site.cache", ".Site.documents"].contains($0) }.sorted()
    }
}
