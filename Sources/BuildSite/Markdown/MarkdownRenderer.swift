import CCmarkGFM
import CmarkArena
import CmarkParallelParsing
import Foundation

/// A heading found in a document, for its contents list and its stable link target.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: String
}

/// Markdown turned into HTML, with the headings that went into it.
public struct RenderedMarkdown: Sendable {
    /// The HTML as cmark-gfm and the post-processing wrote it, UTF-8 bytes, valid as UTF-8 (cmark-gfm writes what it
    /// reads, and it reads a `String`): a page takes them as they are (`MustacheValue.utf8`).
    public var htmlBytes: [UInt8]
    public var headings: [Heading]

    public init(htmlBytes: [UInt8], headings: [Heading]) {
        self.htmlBytes = htmlBytes
        self.headings = headings
    }

    /// The HTML as text.
    public var html: String { String(decoding: htmlBytes, as: UTF8.self) }
}

/// Markdown to HTML through cmark-gfm, GitHub's own parser, with its table, strikethrough, autolink, tagfilter and
/// tasklist extensions and footnotes. Raw HTML is dropped (cmark-gfm's safe mode) unless the site opts in, and
/// safe mode also refuses `javascript:`, `vbscript:`, `file:` and `data:` links.
public struct MarkdownRenderer: Sendable {
    public var allowRawHTML: Bool

    public init(allowRawHTML: Bool = false) {
        self.allowRawHTML = allowRawHTML
    }

    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// cmark-gfm's extension registry is global; registering it once, before any thread parses, keeps it race-free.
    static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// cmark-gfm 0.29 keeps the extensions' trigger characters (`~` for strikethrough, `:` and `w` for autolinks) in
    /// one process-wide table, which each parse switches on and off; two parsers at once would switch each other's
    /// characters off mid-parse and lose strikethrough or links. The `CmarkParallelParsing` target keeps them
    /// switched on instead. Where its definition is in use (checked after one parse), parsers share nothing they
    /// write and run on every core at once; elsewhere one parses at a time, under this lock. Making the parser,
    /// walking the tree and rendering it to HTML never needed the lock. `MarkdownConcurrencyTests` checks that
    /// parses at once come out as parses one at a time.
    static let parseLock = NSLock()

    /// Whether documents may be parsed at once: `CmarkParallelParsing` has taken cmark-gfm's calls, as a probe's
    /// parse shows. Its strikethrough must come out, or the characters were not switched on.
    static let parsesInParallel: Bool = {
        var probe = "~~on~~"
        let html = probe.withUTF8 { bytes -> String in
            guard let parser = MarkdownRenderer().makeParser() else { return "" }
            defer { cmark_parser_free(parser) }
            guard let root = parseLock.withLock({ feedAndFinish(parser, bytes) }) else { return "" }
            defer { cmark_node_free(root) }
            guard let cString = cmark_render_html(root, CMARK_OPT_DEFAULT, nil) else { return "" }
            defer { free(cString) }
            return String(cString: cString)
        }
        return cmark_parallel_parsing_is_safe() != 0 && html.contains("<del>on</del>")
    }()

    /// A parser with this renderer's options and every extension attached; nil only if cmark-gfm cannot allocate.
    /// Every parser is made here: `CmarkParallelParsing` relies on their all having the same extensions.
    /// `allocator` is where cmark-gfm puts the parser, its tree and its HTML: its own malloc-based one unless given.
    func makeParser(allocator: UnsafeMutablePointer<cmark_mem> = cmark_get_default_mem_allocator()) -> OpaquePointer? {
        _ = MarkdownRenderer.registered
        guard let parser = cmark_parser_new_with_mem(options, allocator) else { return nil }
        for name in MarkdownRenderer.extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        return parser
    }

    /// The tree of `bytes` (UTF-8, not copied), from a parser `makeParser` made; under the lock where parses cannot
    /// run at once.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, with parser: OpaquePointer) -> OpaquePointer? {
        parsesInParallel ? feedAndFinish(parser, bytes) : parseLock.withLock { feedAndFinish(parser, bytes) }
    }

    private static func feedAndFinish(_ parser: OpaquePointer, _ bytes: UnsafeBufferPointer<UInt8>) -> OpaquePointer? {
        if let base = bytes.baseAddress, bytes.count > 0 {
            cmark_parser_feed(parser, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), bytes.count)
        }
        return cmark_parser_finish(parser)
    }

    /// cmark-gfm's own check of the text's UTF-8 (`CMARK_OPT_VALIDATE_UTF8`), off: the text is a Swift String, which
    /// is valid UTF-8 already (read with `String(validating:)`), so the check only copied every line once more, 0.7% of
    /// a build's samples. A NUL byte becomes U+FFFD either way (cmark-gfm replaces it as it reads each line).
    /// `MarkdownTests` renders generated text both ways; the tests turn it on here to compare.
    var checksUTF8 = false

    /// Whether cmark-gfm allocates in the thread's arena (`CmarkArena`) or through its own allocator, malloc's. The
    /// tests render both ways and compare.
    var allocatesInThreadArena = true

    var options: Int32 {
        var options = CMARK_OPT_FOOTNOTES | CMARK_OPT_GITHUB_PRE_LANG
        if checksUTF8 { options |= CMARK_OPT_VALIDATE_UTF8 }
        options |= allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        return options
    }

    /// Renders Markdown with heading ids only; `headingIDs` keeps ids from several fragments on one page apart.
    public func render(_ markdown: String, headingIDs: inout HeadingIDAllocator) -> RenderedMarkdown {
        var page = PageText(headingIDs: headingIDs)
        defer { headingIDs = page.headingIDs }
        return render(markdown, page: &page)
    }

    /// Renders a page's Markdown: headings get ids, and when the page annotates, numbered paragraphs get ids,
    /// references to them become links, and first uses of abbreviations are explained.
    public func render(_ markdown: String, page: inout PageText) -> RenderedMarkdown {
        // Everything cmark-gfm allocates for this text, from the parser to the HTML, comes from this thread's arena
        // (`CmarkArena`), which is reused once the text is rendered: the defer ending it runs after the others.
        let allocator: UnsafeMutablePointer<cmark_mem> = allocatesInThreadArena
            ? UnsafeMutablePointer(cmark_thread_arena_begin()) : cmark_get_default_mem_allocator()
        defer { if allocatesInThreadArena { cmark_thread_arena_end() } }
        guard let parser = makeParser(allocator: allocator) else { return RenderedMarkdown(htmlBytes: [], headings: []) }
        defer { cmark_parser_free(parser) }
        // The text is handed to cmark-gfm where it lies (a native string is contiguous UTF-8): no copy.
        var text = page.annotates ? MarkdownMarkers.removed(from: markdown) : markdown
        let parsed = text.withUTF8 { MarkdownRenderer.parse($0, with: parser) }
        guard let root = parsed else { return RenderedMarkdown(htmlBytes: [], headings: []) }
        // In the thread's arena the tree's memory is taken back whole when the arena ends (every node, text and
        // table of it was allocated there): freeing it node by node first walked the tree to do nothing, 0.6% of a
        // build.
        defer { if !allocatesInThreadArena { cmark_node_free(root) } }

        // Adjacent texts are joined before the walk, so a reference or a term split by cmark-gfm is seen whole.
        if page.annotates { cmark_consolidate_text_nodes(root) }
        var walk = CmarkNodes.walk(root, collectingText: page.annotates)
        var paragraphs: [(paragraph: OpaquePointer, id: String)] = []
        if page.annotates {
            // Each id is hashed as few times as it can be: a report may number every one of its paragraphs.
            paragraphs = ParagraphNumbers.find(among: walk.paragraphs)
            if !page.paragraphIDs.isEmpty { paragraphs.removeAll { page.paragraphIDs.contains($0.id) } }
        }
        page.headingIDs.reserveCapacity(paragraphs.count + walk.headings.count)
        for (_, id) in paragraphs { page.headingIDs.reserve(id) }
        // Every heading its text and a unique, stable id, in document order.
        let headings = walk.headings.map { node in
            let text = MarkdownRenderer.plainText(of: node)
            return Heading(level: Int(cmark_node_get_heading_level(node)), text: text, id: page.headingIDs.allocate(for: text))
        }
        if page.annotates {
            var seen: Set<String> = []
            seen.reserveCapacity(paragraphs.count)
            for (paragraph, id) in paragraphs where seen.insert(id).inserted {
                ParagraphNumbers.mark(paragraph, id: id, allocator: allocator)
            }
            if page.paragraphIDs.isEmpty { page.paragraphIDs = seen } else { page.paragraphIDs.formUnion(seen) }
            CrossReferences.link(in: &walk.runningTexts, targets: page.paragraphIDs, allocator: allocator)
            Abbreviations.mark(in: walk.runningTexts, glossary: page.glossary, used: &page.abbreviationsUsed)
        }
        guard let cString = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else {
            return RenderedMarkdown(htmlBytes: [], headings: headings)
        }
        defer { allocator.pointee.free(cString) }
        let html = HTMLPostProcessor.finishedBytes(cString, headings: headings,
                                                   markers: page.annotates ? (page.glossary, page.glossaryHref) : nil)
        return RenderedMarkdown(htmlBytes: html, headings: headings)
    }

    public func render(_ markdown: String) -> RenderedMarkdown {
        var ids = HeadingIDAllocator()
        return render(markdown, headingIDs: &ids)
    }

    /// Renders a short piece of Markdown that sits inside another element (a control, an action cell):
    /// a single paragraph loses its `<p>` so it does not add a margin to the cell.
    public func renderInline(_ markdown: String) -> String {
        // Most controls and action cells are a plain sentence: cmark-gfm would give back the same text in a <p>.
        if PlainText.isPlain(markdown) { return markdown }
        let html = render(markdown).html.trimmingEnds(in: .whitespacesAndNewlines)
        // One paragraph, and nothing else: its text without the <p> and </p>.
        if html.hasPrefix("<p>"), html.hasSuffix("</p>"), !Self.hasParagraph(after: 3, in: html) {
            return String(html.dropFirst(3).dropLast(4))
        }
        return html
    }

    /// Whether `html` has a `<p>` after its first `offset` bytes, each `<` found by `memchr`: the standard
    /// library's search for one collection in another walked the text element by element through generic code, 2%
    /// of a build's samples. (`memmem` is not in Swift's Glibc module.)
    private static func hasParagraph(after offset: Int, in html: String) -> Bool {
        var html = html
        return html.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var index = offset
            while index + 3 <= bytes.count,
                  let found = memchr(base + index, Int32(UInt8(ascii: "<")), bytes.count - index - 2) {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if bytes[index + 1] == UInt8(ascii: "p"), bytes[index + 2] == UInt8(ascii: ">") { return true }
                index += 1
            }
            return false
        }
    }

    /// The heading's text without markup. It walks with cmark's own iterator rather than by recursion, because
    /// emphasis or images can nest 100,000 deep in one line and recursion that deep overflows the stack.
    static func plainText(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }
}

/// Hands out heading ids unique within a page: "risk-update", then "risk-update-2".
public struct HeadingIDAllocator: Sendable {
    private var used: [String: Int] = [:]

    public init(reserved: [String] = []) {
        for id in reserved { used[id] = 1 }
    }

    /// Room for `count` more ids: a report may number hundreds of paragraphs, each reserved here, and its headings,
    /// each allocated here; the table grew and was hashed again five or six times for each report.
    public mutating func reserveCapacity(_ count: Int) {
        used.reserveCapacity(used.count + count)
    }

    /// Keeps an id made elsewhere (a numbered paragraph's "para-6-47") from being given to a heading.
    public mutating func reserve(_ id: String) {
        // Read and set in one look-up, through the subscript with a default.
        func atLeastOne(_ count: inout Int) { count = max(count, 1) }
        atLeastOne(&used[id, default: 0])
    }

    public mutating func allocate(for text: String) -> String {
        let slug = Slug.make(text)
        let base = slug.isEmpty ? "section" : slug
        // Counted in one look-up, through the subscript with a default.
        var count = 0
        func next(_ used: inout Int) {
            used += 1
            count = used
        }
        next(&used[base, default: 0])
        return count == 1 ? base : JoinedText.joined(base, "-", String(count))
    }
}
