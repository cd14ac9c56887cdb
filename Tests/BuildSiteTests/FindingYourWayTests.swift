import Testing
import Foundation
@testable import BuildSite

/// Listings by type, year, council, committee and topic with pagination; the glossary, search and 404 pages;
/// sitemap, feed and robots.txt; and the search index step when Pagefind is missing.
@Suite("Finding your way round the site", .serialized)
struct FindingYourWayTests {
    /// A site of `count` minutes of one committee, one a month from January 2020, without running Pagefind.
    func siteWithMinutes(_ count: Int) throws -> (TemporarySite, BuildReport) {
        let site = try TemporarySite()
        try site.write("Content/site.yml", "title: Test reports\npublisher: Test Council\nbase_url: https://example.org/reports/\nlanguage: en-GB\n")
        try site.write("Content/glossary.yml", "CLA: Children looked after\n")
        for index in 0..<count {
            let year = 2020 + index / 12, month = index % 12 + 1
            try site.write("Content/minutes/m\(index).md", """
            ---
            type: minutes
            title: Minutes \(index)
            date: \(year)-\(String(format2: month))-01
            council: Test Borough Council
            committee: Audit Committee
            tags: [audit, \(index % 2 == 0 ? "even" : "odd")]
            ---
            1.1 The CLA figures were noted.
            """)
        }
        var options = site.options
        options.search = .off
        return (site, try SiteBuilder(options: options).build())
    }

    @Test("A page's links climb one folder for each part of its folder, so they work from a file opened on disk")
    func linksClimbToTheRoot() {
        let expected = ["": "", "a/": "../", "a": "../", "deep-dives/2024-01-02-x/": "../../", "a//b/": "../../", "/a/": "../",
                        "risks/london-borough-of-camden/16/": "../../../", "é/ü/": "../../"]
        for (folder, root) in expected {
            #expect(PageLinks(pageFolder: folder).root == root, "\(folder)")
            #expect(PageLinks(pageFolder: folder).root == String(repeating: "../", count: folder.split(separator: "/").count), "\(folder)")
        }
    }

    @Test("A long listing is cut into pages of 20 with previous, next and the current page marked")
    func pagination() throws {
        let (site, _) = try siteWithMinutes(45)
        defer { site.remove() }
        let first = try site.read("Site/minutes/index.html")
        #expect(first.components(separatedBy: "class=\"document-list__item\"").count - 1 == 20)
        #expect(first.contains("Showing 1 to 20 of 45 publications"))
        #expect(first.contains("<a class=\"pagination__link\" href=\"page-2.html\" rel=\"next\">"))
        #expect(first.contains("href=\"index.html\" aria-current=\"page\"><span class=\"visually-hidden\">Page </span>1</a>"))
        #expect(!first.contains("rel=\"prev\""))
        let last = try site.read("Site/minutes/page-3.html")
        #expect(last.components(separatedBy: "class=\"document-list__item\"").count - 1 == 5)
        #expect(last.contains("Showing 41 to 45 of 45 publications"))
        #expect(last.contains("<title>Minutes (page 3 of 3) – Test reports</title>"))
        #expect(last.contains("href=\"page-2.html\" rel=\"prev\""))
        #expect(last.contains("<link rel=\"canonical\" href=\"https://example.org/reports/minutes/page-3.html\">"))
        #expect(last.contains("href=\"../minutes/m0/index.html\">Minutes 0</a>"))  // the oldest is last
        #expect(!site.exists("Site/minutes/page-4.html"))
    }

    @Test("Pagination shows the first, last and neighbouring pages, with gaps between")
    func paginationNumbers() {
        #expect(Pagination(current: 5, count: 10).shownNumbers == [1, nil, 4, 5, 6, nil, 10])
        #expect(Pagination(current: 1, count: 3).shownNumbers == [1, 2, 3])
        #expect(Pagination(current: 1, count: 1).context == nil)
    }

    @Test("Each year, council, committee and topic has its listing, and each kind an index of them")
    func browsePages() throws {
        let (site, _) = try siteWithMinutes(14)
        defer { site.remove() }
        let years = try site.read("Site/years/index.html")
        #expect(years.contains("<a href=\"../years/2021/index.html\">2021</a> (2 publications)"))
        #expect(years.range(of: "2021")!.lowerBound < years.range(of: "2020/index")!.lowerBound)  // newest first
        let year2021 = try site.read("Site/years/2021/index.html")
        #expect(year2021.contains("<h1 class=\"heading-xl\">Published in 2021</h1>"))
        #expect(year2021.contains("Minutes 13") && year2021.contains("Minutes 12") && !year2021.contains("Minutes 11<"))
        #expect(try site.read("Site/councils/test-borough-council/index.html").contains("Minutes 0<"))
        #expect(try site.read("Site/committees/audit-committee/index.html").contains("<h1 class=\"heading-xl\">Audit Committee</h1>"))
        let odd = try site.read("Site/topics/odd/index.html")
        #expect(odd.contains("Topic: odd") && odd.contains("Minutes 1<") && !odd.contains("Minutes 2<"))
        #expect(odd.contains("<a class=\"breadcrumbs__link\" href=\"../../topics/index.html\">Topics</a>"))

        let page = try site.read("Site/minutes/m3/index.html")
        #expect(page.contains("<a href=\"../../councils/test-borough-council/index.html\">Test Borough Council</a>"))
        #expect(page.contains("<a href=\"../../years/2020/index.html\">1 April 2020</a>"))
        #expect(page.contains("<a class=\"tag tag--link\" href=\"../../topics/odd/index.html\">odd</a>"))
        #expect(page.contains("Reading time: about 1 minute"))
        #expect(page.contains("<p id=\"para-1-1\">1.1 The <a class=\"abbr-link\" href=\"../../glossary/index.html#term-cla\"><abbr title=\"Children looked after\">CLA</abbr></a> figures"))
        #expect(try site.read("Site/glossary/index.html").contains("<div class=\"glossary__row\" id=\"term-cla\">"))
    }

    @Test("The home page lists the latest publications and links to every way to browse")
    func home() throws {
        let (site, _) = try siteWithMinutes(12)
        defer { site.remove() }
        let home = try site.read("Site/index.html")
        #expect(home.components(separatedBy: "class=\"document-list__item\"").count - 1 == 10)
        #expect(home.contains("Minutes 11<") && !home.contains("Minutes 1<"))
        for link in ["minutes/index.html\">Minutes</a> (12)", "years/index.html\">Publications by year", "councils/index.html", "committees/index.html", "topics/index.html", "glossary/index.html", "search/index.html"] {
            #expect(home.contains(link), "\(link)")
        }
    }

    @Test("sitemap.xml, feed.xml and robots.txt use full addresses from base_url")
    func discoveryFiles() throws {
        let (site, _) = try siteWithMinutes(3)
        defer { site.remove() }
        let sitemap = try site.read("Site/sitemap.xml")
        #expect(sitemap.contains("<url><loc>https://example.org/reports/minutes/m2/</loc><lastmod>2020-03-01</lastmod></url>"))
        #expect(sitemap.contains("<loc>https://example.org/reports/</loc>"))
        #expect(!sitemap.contains("404"))
        let feed = try site.read("Site/feed.xml")
        #expect(feed.contains("<id>https://example.org/reports/minutes/m2/</id>"))
        #expect(feed.contains("<updated>2020-03-01T00:00:00Z</updated>"))
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 3)
        #expect(try site.read("Site/robots.txt").contains("Sitemap: https://example.org/reports/sitemap.xml"))
        #expect(try site.read("Site/index.html").contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Test reports: new publications\" href=\"feed.xml\">"))
    }

    @Test("feed.xml lists the newest publications, 50 unless site.yml's feed_limit says otherwise")
    func feedLimit() throws {
        let (site, _) = try siteWithMinutes(55)
        defer { site.remove() }
        func entries() throws -> [String] {
            try site.read("Site/feed.xml").components(separatedBy: "<entry>").dropFirst().map { entry in
                String(entry.split(separator: "<title>")[1].prefix { $0 != "<" })
            }
        }
        // Minutes 54 is the newest (2024-07-01), Minutes 5 the 50th newest.
        var listed = try entries()
        #expect(listed.count == 50)
        #expect(listed.first == "Minutes 54" && listed.last == "Minutes 5")
        #expect(try site.read("Site/feed.xml").contains("<updated>2024-07-01T00:00:00Z</updated>"))

        try site.write("Content/site.yml", "title: Test reports\nbase_url: https://example.org/reports/\nfeed_limit: 3\n")
        var options = site.options
        options.search = .off
        _ = try SiteBuilder(options: options).build()
        listed = try entries()
        #expect(listed == ["Minutes 54", "Minutes 53", "Minutes 52"])
        // Every page is still listed elsewhere: the sitemap names the oldest minutes too.
        #expect(try site.read("Site/sitemap.xml").contains("https://example.org/reports/minutes/m0/"))

        try site.write("Content/site.yml", "title: Test reports\nbase_url: https://example.org/reports/\nfeed_limit: 0\n")
        #expect(site.buildErrors() == ["Content/site.yml:3:13: error: feed_limit must be 1 or more: how many of the newest publications feed.xml lists; found 0"])
        try site.write("Content/site.yml", "title: Test reports\nbase_url: https://example.org/reports/\nfeed_limit: all\n")
        #expect(site.buildErrors() == ["Content/site.yml:3:13: error: 'feed_limit' must be a whole number; found \"all\""])
    }

    @Test("Without a full base_url there is no sitemap or feed, and robots.txt names none")
    func noAbsoluteBase() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/site.yml", "title: Test reports\nbase_url: /reports/\n")
        try site.write("Content/minutes/m.md", "---\ntype: minutes\ntitle: M\ndate: 2020\n---\nText.\n")
        var options = site.options
        options.search = .off
        _ = try SiteBuilder(options: options).build()
        #expect(!site.exists("Site/sitemap.xml") && !site.exists("Site/feed.xml"))
        #expect(try site.read("Site/robots.txt") == "User-agent: *\nDisallow:\n")
        #expect(try site.read("Site/404.html").contains("<link rel=\"stylesheet\" href=\"/reports/assets/site.css\">"))
    }

    @Test("The 404 page links from the site's path on its host, so it works at any depth")
    func notFound() throws {
        let (site, _) = try siteWithMinutes(1)
        defer { site.remove() }
        let page = try site.read("Site/404.html")
        #expect(page.contains("<h1 class=\"heading-xl\">Page not found</h1>"))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"/reports/assets/site.css\">"))
        #expect(page.contains("<a href=\"/reports/search/index.html\">search every publication</a>"))
        #expect(!page.contains("rel=\"canonical\""))
        #expect(SiteAddress.path(of: "https://example.org") == "/")
        #expect(SiteAddress.path(of: "http://example.org/a/b") == "/a/b/")
    }

    @Test("Without Pagefind the build says search was skipped, and the search page offers the listings")
    func searchSkipped() throws {
        let (site, _) = try siteWithMinutes(1)
        defer { site.remove() }
        let missing = site.root.appendingPathComponent("no-such-pagefind").path
        var options = site.options
        options.search = .pagefind(missing)
        let report = try SiteBuilder(options: options).build()
        #expect(report.search == .skipped(reason: "no Pagefind at \(missing)"))
        #expect(report.summary.contains("; search was skipped: no Pagefind at"))
        #expect(report.warnings.map(\.message).contains { $0.hasPrefix("Pagefind not found here") })
        let search = try site.read("Site/search/index.html")
        #expect(search.contains("You can find every publication through the lists below."))
        #expect(search.contains("<a href=\"../minutes/index.html\">Minutes</a> (1)"))
        #expect(!site.exists("Site/pagefind"))

        let nowhere = SearchIndexer(indexing: .automatic, workingDirectory: site.root, environment: ["PATH": ""])
        #expect(nowhere.findPagefind() == nil)
        #expect(nowhere.index(site: site.root, scope: .everyPage).0.summary == "search was skipped: Pagefind was not found on the PATH or in .venv (make site installs it)")
        #expect(SearchIndexer.indexedPages(in: "Total:\n  Indexed 1 language\n  Indexed 42 pages\n") == 42)
    }

    @Test("A document in a folder build-site writes listings into is an error naming the file")
    func generatedFolderIsReserved() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/topics/audit.md", "---\ntype: page\ntitle: Audit\ndate: 2020\n---\nText.\n")
        #expect(site.buildErrors() == ["Content/topics/audit.md:1:1: error: this file is in 'topics/', where build-site writes its own pages; expected it in another folder, e.g. pages/audit.md"])
    }
}
