import Mustache

/// Listing pages: one per document type, and per year, council, committee and topic, each paginated when long;
/// and the index pages of the years, councils, committees and topics.
extension SiteRenderer {
    /// The pages of one listing, `folder/index.html` first.
    func renderListingPages(folder: String, heading: String, intro: String?, documents: [Document],
                            breadcrumbs: [(title: String, folder: String)]) -> [OutputFile] {
        let links = PageLinks(pageFolder: folder)
        let count = Pagination.pageCount(for: documents.count)
        let summaries = self.summaries
        return (1...count).map { number in
            let first = (number - 1) * Pagination.size
            let slice = documents[first..<min(documents.count, first + Pagination.size)]
            let pagination = Pagination(current: number, count: count)
            let title = count == 1 ? heading : "\(heading) (page \(number) of \(count))"
            var context = pageContext(title: title, folder: folder, links: links,
                                      description: intro ?? "\(heading): publications on \(site.settings.title).")
            context["heading"] = .text(heading)
            context["intro"] = intro.map(MustacheValue.text)
            context["documents"] = .objects(slice.map { summary($0, links: links, from: summaries) })
            context["pagination"] = pagination.context.map(MustacheValue.object)
            if count > 1 {
                context["resultsSummary"] = .text("Showing \(first + 1) to \(first + slice.count) of \(documents.count) publications")
                if number > 1 { context["canonicalURL"] = .text(site.settings.baseURL + folder + Pagination.fileName(number)) }
            }
            context["breadcrumbs"] = .objects(links.breadcrumbs(breadcrumbs))
            context["hasBreadcrumbs"] = .flag(!breadcrumbs.isEmpty)
            return page(folder + Pagination.fileName(number), "list", context)
        }
    }

    /// Every year's, council's, committee's and topic's listing, and each facet's index page: a job each.
    func browseJobs() -> [PageJob] {
        // Each facet's groups are a pass over every document, made before any page can be: the passes, and the risk
        // register and the documents' index that the first pages' jobs need, run side by side. So are the
        // documents' summaries, which every listing needs, just before (on both cores themselves: `summaryStore`).
        // Made by the first job that asked, each of them kept the other core waiting (the summaries a millisecond
        // or two at 1,000 reports).
        _ = summaries
        let facets = self.facets, documents = site.documents
        let made = concurrentMap(facets.count + 2) { index -> [DocumentGroup] in
            switch index {
            case 0: _ = riskRegister
            case 1: _ = self.index
            default: return facets[index - 2].groups(in: documents)
            }
            return []
        }
        var jobs: [PageJob] = []
        for (facet, groups) in zip(facets, made.dropFirst(2)) {
            let folder = facet.folder + "/"
            jobs.append {
                let links = PageLinks(pageFolder: folder)
                var context = pageContext(title: facet.title, folder: folder, links: links, description: facet.intro)
                context["heading"] = .text(facet.title)
                context["intro"] = .text(facet.intro)
                context["groups"] = .objects(groups.map { group in
                    ["name": .text(group.name), "href": .text(links.page(folder + group.slug + "/")),
                     "count": .text(group.documents.count == 1 ? "1 publication" : "\(group.documents.count) publications")]
                })
                context["breadcrumbs"] = .objects(links.breadcrumbs([("Home", "")]))
                context["hasBreadcrumbs"] = true
                return [page(folder + "index.html", "browse", context)]
            }
            for group in groups {
                jobs.append {
                    renderListingPages(folder: folder + group.slug + "/", heading: facet.heading(for: group.name), intro: nil,
                                       documents: group.documents, breadcrumbs: [("Home", ""), (facet.title, folder)])
                }
            }
        }
        return jobs
    }

    /// Links to every listing that exists: the types with their counts, then the years, councils, committees,
    /// topics and the glossary. For the home page, the search page and the 404 page.
    func browseLinks(_ links: PageLinks) -> [TemplateContext] {
        let types: [TemplateContext] = DocumentType.allCases.compactMap { type in
            let count = index.documents(of: type).count
            guard count > 0, type != .page else { return nil }
            return ["title": .text(type.pluralName), "href": .text(links.page(type.folder + "/")), "count": .number(count)]
        }
        return types + facetLinks(links)
    }

    /// Links to the year, council, committee and topic indexes and the glossary, for every page's footer.
    func facetLinks(_ links: PageLinks) -> [TemplateContext] {
        var browse: [TemplateContext] = facets.map { ["title": .text($0.title), "href": .text(links.page($0.folder + "/"))] }
        if !glossary.isEmpty { browse.append(["title": "Glossary of abbreviations", "href": .text(links.page("glossary/"))]) }
        return browse
    }
}
