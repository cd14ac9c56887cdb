import Foundation

/// The documents' Markdown, held apart from the model while a build renders the site, so that each body is let go
/// as soon as its page is made. At 10,000 reports the bodies are 60 MB, which otherwise stayed to the end of the
/// render, where the open data is made and the build's memory peaks. A document read back from the last build's
/// cache has no body yet: its file is read when its page is rendered, and not at all when the page is kept.
///
/// Bodies are kept by the document's place in `site.documents`, one slot each, not in a dictionary by path behind a
/// lock: each document's page is made by one job, which alone takes or lets go of its body. Moving a thousand bodies
/// into a dictionary was half a millisecond of a one-edit rebuild, in a part that runs alone.
final class DocumentBodies: @unchecked Sendable {
    private enum Body {
        case text(String)
        case inFile(@Sendable () -> String)
    }

    private let slots: UnsafeMutableBufferPointer<Body?>
    /// The places in `site.documents` of the documents this build decoded, whose bodies it holds: all of them in a
    /// first build; in a rebuild, the ones whose files changed since the last (the others were read back from the
    /// last build's cache).
    let decodedNow: [Int]

    /// Moves every published document's body out of `site`, leaving it empty there.
    init(movingFrom site: inout SiteModel) {
        slots = .allocate(capacity: site.documents.count)
        var decodedNow: [Int] = []
        for index in site.documents.indices {
            let document = site.documents[index]
            slots.initializeElement(at: index, to: document.bodyFromFile.map(Body.inFile) ?? .text(document.body))
            if document.bodyFromFile == nil { decodedNow.append(index) }
            site.documents[index].body = ""
            site.documents[index].bodyFromFile = nil
        }
        self.decodedNow = decodedNow
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    /// Lets go of the body of the document at `index` in `site.documents`, whose page is kept, without reading it.
    func discard(at index: Int) {
        slots[index] = nil
    }

    /// The body of the document at `index` in `site.documents`, handed over once: the store keeps no copy.
    func take(at index: Int) -> String {
        switch slots[index].take() {
        case .text(let body): return body
        case .inFile(let read): return read()
        case nil: return ""
        }
    }
}
