import Foundation

/// Lets a rebuild keep the pages whose inputs did not change. A page is a pure function of its template and the
/// context the renderer gives it, so each page's context is fingerprinted (`ContextFingerprint`) before it is
/// rendered; when the last build wrote the same path from the same fingerprint, and that build's output is still
/// the output folder, the old file is hard-linked into the staging folder and the page is not rendered at all.
///
/// The salt stands for everything outside the context that a page's bytes depend on: the templates, site.yml,
/// glossary.yml and the build-site program. A change to any of them changes every fingerprint, so every page is
/// rendered again. An edit to one report changes that report's page and the pages that show what changed (its
/// listings when its title changes, the register when its risks change), and nothing else.
public final class PageReuse: @unchecked Sendable {
    let salt: String
    let previousKeys: [String: String]
    let previousSite: URL
    let staging: StagingFolder
    private let lock = NSLock()
    private var keys: [String: String] = [:]
    private var keptCount = 0

    init(salt: String, previousKeys: [String: String], previousSite: URL, staging: StagingFolder) {
        self.salt = salt
        self.previousKeys = previousKeys
        self.previousSite = previousSite
        self.staging = staging
    }

    /// True when the page at `path` was kept from the last build (it is then in the staging folder already).
    /// `extra` is input the context does not show, such as a document's Markdown, whose HTML is added to the
    /// context only when the page has to be rendered.
    func keep(_ path: String, template: String, context: [String: Any], extra: String = "") -> Bool {
        guard let key = ContextFingerprint.of(context, inputs: salt, template, extra) else { return false }
        return keep(path, key: key)
    }

    /// The same for a file made from other inputs than a template's context, fingerprinted by the caller.
    func keep(_ path: String, inputs: ChangeHash) -> Bool {
        var hash = inputs
        hash.add(salt)
        return keep(path, key: hash.hex)
    }

    private func keep(_ path: String, key: String) -> Bool {
        let kept = previousKeys[path] == key && staging.keep(path, from: previousSite)
        lock.withLock {
            keys[path] = key
            if kept { keptCount += 1 }
        }
        return kept
    }

    /// The fingerprint of every page this build wrote or kept, for the next build.
    var recordedKeys: [String: String] { lock.withLock { keys } }

    /// How many pages were kept rather than rendered.
    var kept: Int { lock.withLock { keptCount } }
}
