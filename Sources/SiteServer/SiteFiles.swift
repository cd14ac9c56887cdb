import Foundation

/// Maps a request path to a file of the built site, safely: nothing outside the output folder is ever served
/// (no `..`, no encoded `%2e%2e`, no hidden files, no symbolic link leading out), a folder is served as its
/// `index.html`, and a folder asked for without its final `/` is redirected so relative links keep working.
public struct SiteFiles: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public enum Resolution: Equatable, Sendable {
        case file(URL)
        /// The same path with a `/` added: the browser should ask again there.
        case redirect(String)
        case notFound
    }

    /// `percentEncodedPath` is the request's path as sent (`/deep-dives/x/`), before any decoding.
    public func resolve(_ percentEncodedPath: String) -> Resolution {
        guard percentEncodedPath.hasPrefix("/") else { return .notFound }
        var segments: [String] = []
        for raw in percentEncodedPath.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = raw.removingPercentEncoding,
                  !segment.isEmpty, segment != ".", segment != "..", !segment.hasPrefix("."),
                  !segment.contains("/"), !segment.contains("\\"), !segment.contains("\0") else { return .notFound }
            segments.append(segment)
        }
        let realRoot = root.resolvingSymlinksInPath().path
        var url = URL(fileURLWithPath: realRoot, isDirectory: true)
        for segment in segments { url.appendPathComponent(segment) }

        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return .notFound }
        if isFolder.boolValue {
            if !percentEncodedPath.hasSuffix("/") { return .redirect(percentEncodedPath + "/") }
            url.appendPathComponent("index.html")
        }
        let real = url.resolvingSymlinksInPath().path
        var isRegular: ObjCBool = false
        guard real.hasPrefix(realRoot + "/"), FileManager.default.fileExists(atPath: real, isDirectory: &isRegular), !isRegular.boolValue else {
            return .notFound
        }
        return .file(URL(fileURLWithPath: real))
    }

    /// The `Content-Type` for a file, by its extension; text types say they are UTF-8.
    public static func contentType(for url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml"
        case "txt": "text/plain; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "avif": "image/avif"
        case "ico": "image/x-icon"
        case "pdf": "application/pdf"
        case "woff": "font/woff"
        case "woff2": "font/woff2"
        case "wasm": "application/wasm"
        default: "application/octet-stream"
        }
    }
}
