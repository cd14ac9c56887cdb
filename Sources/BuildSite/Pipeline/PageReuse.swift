import Foundation

/// Lets a rebuild keep the pages whose inputs did not change. A page is a pure function of its template and the
/// context the renderer gives it, so each page's context is fingerprinted (`ContextFingerprint`) before it is
/// rendered; when the last build wrote the same path from the same fingerprint, and that build's output is still
/// the output folder, the old file is kept (left in place, or hard-linked into the staging folder) and the page is
/// not rendered at all.
///
/// The salt stands for everything outside the context that a page's bytes depend on: the templates, site.yml,
/// glossary.yml and the build-site program. A change to any of them changes every fingerprint, so every page is
/// rendered again. An edit to one report changes that report's page and the pages that show what changed (its
/// listings when its title changes, the register when its risks change), and nothing else.
///
/// Most edits change only a report's text, and then even building the contexts can be skipped. No page shows any
/// document's Markdown but the document's own page: listings, the register, risk histories, the home page and the
/// open data are made from the documents' paths and front matter. So when `documentsDigest` (every document's path
/// and front matter) is the same as at the last build, every page but the documents' is what the last build wrote,
/// and a document's page is too when its file is unchanged (`documentSources`): those are kept without a context.
///
/// Files published as they are (images, stylesheets) are kept by their bytes' hash (`copy`). Every file of the site
/// has a key, so the record lists the whole site: a rebuild that updates the site in place knows what to remove.
public final class PageReuse: @unchecked Sendable {
    let salt: String
    let previousKeys: [String: String]
    let previousSources: [String: String]
    /// The last build's site (the output folder), as a path.
    let previousSite: String
    let folder: any SiteFolder
    /// Every document's path and front matter, drafts too (the hash of what pages other than a document's own show).
    let documentsDigest: String
    /// True when the documents' paths and front matter are as the last build found them, with the same salt.
    let documentsUnchanged: Bool
    private let lock = BriefLock()
    private var keys: [String: String] = [:]
    private var sources: [String: String] = [:]
    private var keptCount = 0

    init(salt: String, previous: PreviousBuild, site: SiteModel, previousSite: URL, folder: any SiteFolder) {
        self.salt = salt
        self.previousKeys = previous.pages
        self.previousSources = previous.documentSources
        self.previousSite = previousSite.path
        self.folder = folder
        documentsDigest = Self.digest(of: site)
        documentsUnchanged = !previous.pages.isEmpty && previous.documentsDigest == documentsDigest
    }

    static func digest(of site: SiteModel) -> String {
        var sum = ChangeHash.Sum()
        for document in site.documents + site.draftsLeftOut {
            var hash = ChangeHash()
            hash.add(document.contentPath)
            hash.add(document.frontMatterHash)  // `draft:` is front matter too
            sum.add(hash)
        }
        var digest = ChangeHash()
        digest.add("documents \(site.documents.count) \(site.draftsLeftOut.count)")
        digest.add(sum)
        return digest.hex
    }

    /// A document's page, kept without building its context when its file and every document's front matter are
    /// as at the last build. Its file's hash is recorded either way, for the next build.
    func keepUnchangedDocument(_ path: String, source: String) -> Bool {
        lock.withLock { sources[path] = source }
        guard documentsUnchanged, previousSources[path] == source, let key = previousKeys[path] else { return false }
        return record(path, key: key, kept: folder.keep(path, from: previousSite))
    }

    /// The pages other than documents' the last build wrote, to keep as they are when `documentsUnchanged`; nil
    /// when one of them is missing from the last site, and the site-wide pages must be made again.
    /// The documents' pages are the ones the last build recorded a source for: with every document's path and front
    /// matter as then (and the same salt, so the same options), the documents and their pages' paths are the same.
    func unchangedSiteWidePages() -> [String]? {
        guard documentsUnchanged else { return nil }
        var paths = previousKeys.filter { previousSources[$0.key] == nil && !$0.value.hasPrefix(Self.copyMark) }.map(\.key)
        // Checked on every core: a check is a look at the file, and there are thousands at 10,000 reports.
        let (folder, previousSite, listed) = (self.folder, self.previousSite, paths)
        guard concurrentMap(listed.count, { folder.canKeep(listed[$0], from: previousSite) }).allSatisfy({ $0 }) else { return nil }
        PathOrder.sort(&paths)
        return paths
    }

    /// Keeps a page of `unchangedSiteWidePages` under the key it was recorded with: that checked the file, so a
    /// folder that keeps files where they are does not look at it again. Nothing else would make that page in this
    /// build, so a page that cannot be kept (an I/O error: the file was there a moment ago) fails it.
    func keepUnchanged(_ path: String) -> Bool {
        if let key = previousKeys[path], record(path, key: key, kept: folder.keepChecked(path, from: previousSite)) { return true }
        folder.keepFailed(path)
        return false
    }

    /// True when the page at `path` was kept from the last build (it is then in the site folder already).
    /// `extra` is input the context does not show, such as a document's Markdown, whose HTML is added to the
    /// context only when the page has to be rendered.
    func keep(_ path: String, template: String, context: TemplateContext, extra: String = "") -> Bool {
        keep(path, key: ContextFingerprint.of(context, inputs: salt, template, extra))
    }

    /// The same for a file made from other inputs than a template's context, fingerprinted by the caller.
    func keep(_ path: String, inputs: ChangeHash) -> Bool {
        var hash = inputs
        hash.add(salt)
        return keep(path, key: hash.hex)
    }

    /// A file published as it is, from `source`: kept when its bytes (`bytesHash`) are as at the last build.
    func copy(_ path: String, from source: URL, bytesHash: String) -> OutputFile {
        var inputs = ChangeHash()
        inputs.add(path)
        inputs.add(bytesHash)
        inputs.add(salt)
        return keep(path, key: Self.copyMark + inputs.hex) ? .keptCopy(path) : OutputFile(path: path, copying: source)
    }

    /// Begins the key of a file published as it is: `unchangedSiteWidePages` leaves those to `copy`, which checks
    /// each file's bytes (an image can change when no report does).
    static let copyMark = "copy "

    /// Kept when the last build wrote `path` from the same key and its file is still there to keep.
    private func keep(_ path: String, key: String) -> Bool {
        record(path, key: key, kept: previousKeys[path] == key && folder.keep(path, from: previousSite))
    }

    /// Notes `path`'s key for the next build, and whether the page was kept; returns `kept`. The callers that took
    /// the key from the last build's record (`keepUnchangedDocument`, `keepUnchanged`) do not compare it again.
    private func record(_ path: String, key: String, kept: Bool) -> Bool {
        lock.withLock {
            keys[path] = key
            if kept { keptCount += 1 }
        }
        return kept
    }

    /// The fingerprint of every page this build wrote or kept, for the next build.
    var recordedKeys: [String: String] { lock.withLock { keys } }

    /// The hash of the file behind every document page this build wrote or kept, for the next build.
    var recordedSources: [String: String] { lock.withLock { sources } }

    /// How many pages were kept rather than rendered.
    var kept: Int { lock.withLock { keptCount } }
}

/// What the last build recorded for reuse (`BuildCache`): nothing when there was none, or it is of no use.
struct PreviousBuild {
    var pages: [String: String] = [:]
    var documentsDigest = ""
    var documentSources: [String: String] = [:]
}
