import Foundation

/// The pages, files and anchors the finished site will have, taken from the files the renderer made in memory,
/// so a link is checked against exactly what a build publishes (heading ids, risk anchors, paragraph anchors alike).
final class SiteLinkIndex {
    /// Paths inside the output folder: `index.html`, `deep-dives/x/index.html`, `assets/site.css`, images.
    let files: Set<String>
    private let html: [String: String]
    private var idsByPage: [String: Set<String>] = [:]
    /// The site's public address and its path (`https://example.org/reports/`, `/reports/`), to recognise links
    /// written in full or from the server's root that still point into this site.
    let baseURL: String
    let basePath: String

    init(files: [OutputFile], baseURL: String) {
        self.files = Set(files.map(\.path))
        var html: [String: String] = [:]
        for file in files where file.path.hasSuffix(".html") {
            if let text = file.text { html[file.path] = text }
        }
        self.html = html
        self.baseURL = baseURL
        let path = URL(string: baseURL)?.path ?? "/"
        self.basePath = path.hasSuffix("/") ? path : path + "/"
    }

    /// Where a link points, seen from a page in `pageFolder` (`deep-dives/x/`).
    enum Target: Equatable {
        /// Another site or scheme (`https://…`, `mailto:`), or the server outside this site: not checked.
        case external
        /// A path inside the site (maybe missing), and the `#fragment` if any.
        case site(path: String, fragment: String?)
        /// A relative path that climbs above the site's root folder.
        case aboveRoot
    }

    func target(of destination: String, fromPageFolder pageFolder: String) -> Target {
        var link = destination.trimmingCharacters(in: .whitespaces)
        if link.hasPrefix("//") { return .external }
        if Self.hasScheme(link) {
            guard baseURL.contains("://"), link.hasPrefix(baseURL) else { return .external }
            link = "/" + link.dropFirst(baseURL.count)
            return split(link, pageFolder: "", rootRelative: true)
        }
        if link.hasPrefix("/") {
            guard link.hasPrefix(basePath) || link + "/" == basePath else { return .external }
            return split(String(link.dropFirst(min(link.count, basePath.count))), pageFolder: "", rootRelative: true)
        }
        return split(link, pageFolder: pageFolder, rootRelative: false)
    }

    private func split(_ link: String, pageFolder: String, rootRelative: Bool) -> Target {
        var rest = Substring(link)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...]).removingPercentEncoding ?? String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        let path = String(rest).removingPercentEncoding ?? String(rest)
        if path.isEmpty && !rootRelative { return .site(path: pageFolder + "index.html", fragment: fragment) }
        guard let resolved = Self.resolve(path, from: pageFolder) else { return .aboveRoot }
        return .site(path: resolved, fragment: fragment)
    }

    /// `../../annual-reports/x/` from `deep-dives/y/` is `annual-reports/x/`; nil when it climbs above the root.
    static func resolve(_ path: String, from folder: String) -> String? {
        var parts = folder.split(separator: "/").map(String.init)
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for segment in segments {
            switch segment {
            case "", ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(String(segment))
            }
        }
        let endsAsFolder = path.isEmpty || path.hasSuffix("/") || segments.last == "." || segments.last == ".."
        let joined = parts.joined(separator: "/")
        return endsAsFolder && !joined.isEmpty ? joined + "/" : joined
    }

    /// The file a site path names: itself, or a folder's `index.html`, as a web server would serve it.
    func file(for path: String) -> String? {
        if path.isEmpty || path.hasSuffix("/") {
            return files.contains(path + "index.html") ? path + "index.html" : nil
        }
        if files.contains(path) { return path }
        return files.contains(path + "/index.html") ? path + "/index.html" : nil
    }

    /// Every `id="…"` on a page: the places a `#fragment` can point to.
    func ids(onPage path: String) -> Set<String> {
        if let known = idsByPage[path] { return known }
        var ids = Set<String>()
        if let text = html[path] {
            var rest = text[...]
            while let found = rest.range(of: " id=\"") {
                rest = rest[found.upperBound...]
                guard let close = rest.firstIndex(of: "\"") else { break }
                ids.insert(Self.unescape(String(rest[..<close])))
                rest = rest[close...]
            }
        }
        idsByPage[path] = ids
        return ids
    }

    func isPage(_ path: String) -> Bool { html[path] != nil }

    /// The folders of all pages (`annual-reports/x/`), for "did you mean".
    var pageFolders: [String] {
        html.keys.map { String($0.dropLast("index.html".count)) }.sorted()
    }

    private static func hasScheme(_ link: String) -> Bool {
        guard let colon = link.firstIndex(of: ":"), let first = link.first, first.isASCII, first.isLetter else { return false }
        return link[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
    }

    private static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
