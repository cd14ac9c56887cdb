import BuildSite
import Foundation

/// The progress of a long build on standard error: in a terminal one line rewritten in place ("Rendering 1200 of
/// 3000 documents"), shown only once the build has taken half a second; with --verbose, plain lines at each tenth
/// and each stage's time, which logs and CI keep.
final class ProgressLine: @unchecked Sendable {
    enum Mode { case off, terminal, verbose }

    private let mode: Mode
    private let lock = NSLock()
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private var lineShown = false
    private var lastTenth: [BuildEvent.Stage: Int] = [:]

    init(mode: Mode) {
        self.mode = mode
    }

    func handle(_ event: BuildEvent) {
        guard mode != .off else { return }
        lock.withLock {
            switch event {
            case .progress(let stage, let done, let total):
                progress(stage, done: done, total: total)
            case .stageFinished(let name, let seconds):
                if mode == .verbose {
                    clearLine()
                    StandardError.write("\(name) in \(NumberText.fixed(seconds, places: 2)) s\n")
                }
            }
        }
    }

    /// Clears the rewritten line so the summary starts on a clean line.
    func finish() {
        lock.withLock { clearLine() }
    }

    private func progress(_ stage: BuildEvent.Stage, done: Int, total: Int) {
        let text = "\(stage.rawValue) \(done) of \(total) \(stage.unit)"
        let now = Date()
        if StandardError.isTerminal {
            guard now.timeIntervalSince(started) >= 0.5 || mode == .verbose else { return }
            guard done == total || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
            lastDrawn = now
            lineShown = true
            StandardError.write("\r\(text)\u{1B}[K")
        } else if mode == .verbose, total > 0 {
            // Small builds get one line per stage; big ones a line at each tenth.
            let tenth = total < 20 ? (done == total ? 10 : 0) : done * 10 / total
            guard tenth > (lastTenth[stage] ?? 0) else { return }
            lastTenth[stage] = tenth
            StandardError.write(text + "\n")
        }
    }

    private func clearLine() {
        if lineShown {
            StandardError.write("\r\u{1B}[K")
            lineShown = false
        }
    }
}
