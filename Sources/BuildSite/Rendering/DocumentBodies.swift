import Foundation

/// The documents' Markdown, held apart from the model while a build renders the site, so that each body is let go
/// as soon as its page is made. At 10,000 reports the bodies are 60 MB, which otherwise stayed to the end of the
/// render, where the open data is made and the build's memory peaks. A document read back from the last build's
/// cache has no body yet: its file is read when its page is rendered, and not at all when the page is kept.
final class DocumentBodies: @unchecked Sendable {
    private enum Body {
        case text(String)
        case inFile(@Sendable () -> String)
    }

    private let lock = BriefLock()
    private var bodies: [String: Body]
    /// The places in `site.documents` of the documents this build decoded, whose bodies it holds: all of them in a
    /// first build; in a rebuild, the ones whose files changed since the last (the others were read back from the
    /// last build's cache).
    let decodedNow: [Int]

    /// Moves every published document's body out of `site`, leaving it empty there.
    init(movingFrom site: inout SiteModel) {
        var bodies = [String: Body](minimumCapacity: site.documents.count)
        var decodedNow: [Int] = []
        for index in site.documents.indices {
            let document = site.documents[index]
            bodies[document.contentPath] = document.bodyFromFile.map(Body.inFile) ?? .text(document.body)
            if document.bodyFromFile == nil { decodedNow.append(index) }
            site.documents[index].body = ""
            site.documents[index].bodyFromFile = nil
        }
        self.bodies = bodies
        self.decodedNow = decodedNow
    }

    /// Lets go of the body of a document whose page is kept, without reading it.
    func discard(_ contentPath: String) {
        lock.withLock { _ = bodies.removeValue(forKey: contentPath) }
    }

    /// The body of the document at `contentPath`, handed over once: the store keeps no copy.
    func take(_ contentPath: String) -> String {
        switch lock.withLock({ bodies.removeValue(forKey: contentPath) }) {
        case .text(let body): body
        case .inFile(let read): read()
        case nil: ""
        }
    }
}
