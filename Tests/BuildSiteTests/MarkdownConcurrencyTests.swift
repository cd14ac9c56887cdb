import Foundation
import Testing
@testable import BuildSite

/// cmark-gfm 0.29 switches the extensions' trigger characters on and off in one process-wide table while it parses.
/// `CmarkParallelParsing` keeps them on, so that documents parse on every core at once (one at a time, under a lock,
/// where it cannot): these documents, rendered on every core at once, must come out exactly as they do one after
/// another, strikethrough, tables and links included.
@Suite("Markdown rendered on every core at once")
struct MarkdownConcurrencyTests {
    static func document(_ number: Int) -> String {
        var text = """
        ## Section \(number)

        The ~~draft \(number)~~ final figure, see www.example.org/report-\(number) and https://example.org/\(number).

        | Measure | 2022/23 |
        |---|---:|
        | ~~Old measure~~ \(number) | www.example.com/\(number) |

        """
        for line in 0..<(number % 9) {
            text += "\n\(number).\(line + 1). Paragraph with ~~struck~~ words and a link to www.example.net/\(line).\n"
        }
        return text
    }

    #if os(Linux)
    /// On Linux the executable's definition takes cmark-gfm's calls; if it stopped doing so (a library that calls
    /// itself directly), documents would quietly go back to parsing one at a time.
    @Test("Documents are parsed on every core at once, without the lock")
    func parsesWithoutTheLock() {
        #expect(MarkdownRenderer.parsesInParallel)
    }
    #endif

    @Test("Every page keeps its strikethrough, tables and links when rendered concurrently")
    func concurrentRendersMatchSequentialOnes() {
        let renderer = MarkdownRenderer()
        let documents = (0..<600).map(Self.document)
        let expected = documents.map { renderer.render($0).html }
        #expect(expected.allSatisfy { $0.contains("<del>draft") && $0.contains("<table>") && $0.contains("<a href=\"http://www.example.org/report-") })
        for _ in 0..<4 {
            let concurrent = ConcurrentResults(count: documents.count)
            DispatchQueue.concurrentPerform(iterations: documents.count) { index in
                concurrent.set(index, renderer.render(documents[index]).html)
            }
            let wrong = zip(concurrent.values, expected).filter { $0 != $1 }.count
            #expect(wrong == 0, "\(wrong) of \(documents.count) pages differ from their one-at-a-time rendering")
        }
    }
}

/// Results written from several threads, each into its own slot.
private final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [String]

    init(count: Int) {
        slots = Array(repeating: "", count: count)
    }

    func set(_ index: Int, _ value: String) {
        lock.withLock { slots[index] = value }
    }

    var values: [String] { lock.withLock { slots } }
}
