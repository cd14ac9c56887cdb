import Testing
import Foundation
@testable import SiteServer

/// What `serve` sends for a path, checked on a real folder: nothing outside it, folders as their index.html.
@Suite("Serving files safely")
final class ServeFilesTests {
    let base: URL
    let root: URL
    let files: SiteFiles

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("serve-files-\(UUID().uuidString)")
        root = base.appendingPathComponent("Site")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("minutes/a"), withIntermediateDirectories: true)
        try Data("home".utf8).write(to: root.appendingPathComponent("index.html"))
        try Data("a".utf8).write(to: root.appendingPathComponent("minutes/a/index.html"))
        try Data("secret".utf8).write(to: base.appendingPathComponent("secret.txt"))
        try Data("hidden".utf8).write(to: root.appendingPathComponent(".hidden"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("escape.txt"), withDestinationURL: base.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("up"), withDestinationURL: base)
        files = SiteFiles(root: root)
    }

    deinit {
        try? FileManager.default.removeItem(at: base)
    }

    func body(_ resolution: SiteFiles.Resolution) -> String? {
        guard case .file(let url) = resolution else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }

    @Test("Folders are served as their index.html, and asked for without '/' are redirected to it")
    func folders() {
        #expect(body(files.resolve("/")) == "home")
        #expect(body(files.resolve("/minutes/a/")) == "a")
        #expect(body(files.resolve("/minutes/a/index.html")) == "a")
        #expect(files.resolve("/minutes/a") == .redirect("/minutes/a/"))
        #expect(files.resolve("/minutes/") == .notFound, "a folder with no index.html is not listed")
    }

    @Test("No path reaches outside the output folder or a hidden file", arguments: [
        "/../secret.txt", "/%2e%2e/secret.txt", "/minutes/%2E%2E/%2E%2E/secret.txt", "/..%2fsecret.txt", "/minutes/..%5c..%5csecret.txt",
        "/escape.txt", "/up/secret.txt", "/.hidden", "/%2ehidden", "/index.html%00.png", "relative.html", "/nothing.html",
    ])
    func confined(path: String) {
        #expect(files.resolve(path) == .notFound)
    }

    @Test("Content types say what each file is, text in UTF-8")
    func contentTypes() {
        let expected = ["a.html": "text/html; charset=utf-8", "a.css": "text/css; charset=utf-8", "a.js": "text/javascript; charset=utf-8",
                        "a.png": "image/png", "a.JPG": "image/jpeg", "a.svg": "image/svg+xml", "a.pdf": "application/pdf",
                        "a.json": "application/json", "a.wasm": "application/wasm", "a.unknown": "application/octet-stream"]
        for (name, type) in expected {
            #expect(SiteFiles.contentType(for: URL(fileURLWithPath: "/x/" + name)) == type, "\(name)")
        }
    }

    @Test("Served pages get the script before </body>, and build errors as escaped text at the top")
    func injection() {
        let page = "<html><body class=\"x\"><h1>T</h1></body></html>"
        let ok = LiveReloadPage.inject(into: page, status: .init(ok: true, generation: 4, messages: []))
        #expect(ok == "<html><body class=\"x\"><h1>T</h1><script src=\"/__build-site/live-reload.js\" data-generation=\"4\"></script>\n</body></html>")
        let failed = LiveReloadPage.inject(into: page, status: .init(ok: false, generation: 4, messages: ["a.md:1:1: error: <script>alert(1)</script> & more"]))
        #expect(failed.hasPrefix("<html><body class=\"x\">\n<div id=\"build-site-errors\" role=\"alert\""))
        #expect(failed.contains("a.md:1:1: error: &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</pre>"))
        #expect(!failed.contains("<script>alert"))
    }
}
