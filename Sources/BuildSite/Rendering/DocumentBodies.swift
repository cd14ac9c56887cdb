import Foundation

/// The documents' Markdown, held apart from the model while a build renders the site, so that each body is let go
/// as soon as its page is made. At 10,000 reports the bodies are 60 MB, which otherwise stayed to the end of the
/// render, where the open data is made and the build's memory peaks.
final class DocumentBodies: @unchecked Sendable {
    private let lock = NSLock()
    private var bodies: [String: String]

    /// Moves every published document's body out of `site`, leaving it empty there.
    init(movingFrom site: inout SiteModel) {
        var bodies = [String: String](minimumCapacity: site.documents.count)
        for index in site.documents.indices {
            bodies[site.documents[index].contentPath] = site.documents[index].body
            site.documents[index].body = ""
        }
        self.bodies = bodies
    }

    /// The body of the document at `contentPath`, handed over once: the store keeps no copy.
    func take(_ contentPath: String) -> String {
        lock.withLock { bodies.removeValue(forKey: contentPath) } ?? ""
    }
}
