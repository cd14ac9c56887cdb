import Mustache

/// The parts of every page's layout that depend only on where the page is: its links to the site's root ("../../"
/// for a page two folders down) and which section of the main navigation it is in. Pages at one depth share them,
/// so they are made once for each depth pages have, not once for each of 14,000 pages (the footer's links, the
/// navigation with its current section, the home, search, style sheet and feed links).
struct PageChrome: Sendable {
    /// One entry of the main navigation: its name and its folder, which is current for a page in or below it.
    struct Section: Sendable {
        var name: String
        var folder: String
    }

    let root: MustacheValue
    let homeHref: MustacheValue
    let stylesheet: MustacheValue
    let searchHref: MustacheValue
    let feedHref: MustacheValue
    let footerLinks: MustacheValue
    /// The navigation, by the section that is current (the last is for none). A page is in at most one section
    /// (each has a top folder of its own); a page in two would have its navigation made on its own.
    private let navigationBySection: [MustacheValue]
    private let sections: [Section]
    let links: PageLinks

    /// `footerLinks` and `feedHref` are as the renderer makes them for `links`.
    init(links: PageLinks, sections: [Section], footerLinks: [TemplateContext], feedHref: String) {
        self.links = links
        self.sections = sections
        root = .text(links.root)
        homeHref = .text(links.page(""))
        stylesheet = .text(links.file("assets/site.css"))
        searchHref = .text(links.page("search/"))
        self.feedHref = .text(feedHref)
        self.footerLinks = .objects(footerLinks)
        navigationBySection = (0...sections.count).map { current in
            PageChrome.navigation(sections, links: links) { $0 == current }
        }
    }

    /// The navigation for a page in `folder`, its section marked current.
    func navigation(for folder: String) -> MustacheValue {
        let current = sections.indices.filter { folder.hasPrefix(sections[$0].folder) }
        switch current.count {
        case 0: return navigationBySection[sections.count]
        case 1: return navigationBySection[current[0]]
        default: return PageChrome.navigation(sections, links: links) { current.contains($0) }
        }
    }

    private static func navigation(_ sections: [Section], links: PageLinks, isCurrent: (Int) -> Bool) -> MustacheValue {
        .objects(sections.indices.map { index in
            ["name": .text(sections[index].name), "href": .text(links.page(sections[index].folder)), "current": .flag(isCurrent(index))]
        })
    }
}
