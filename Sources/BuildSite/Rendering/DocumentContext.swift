import Mustache

/// The values templates see for one document in a listing (title, link, date, council…).
/// Every value is plain text and is HTML-escaped by the template.
enum DocumentSummaryContext {
    static func make(_ document: Document, links: PageLinks) -> TemplateContext {
        linked(base(document), document, links: links)
    }

    /// Everything but the link, which depends on the page the summary is on. The link's name is in its place
    /// already, so that setting it keeps the names in the order the fingerprint reads them.
    static func base(_ document: Document) -> TemplateContext {
        var context: TemplateContext = [
            "title": .text(document.title),
            "href": .text(""),
            "date": .text(document.date.display),
            "dateISO": .text(document.date.iso),
            "typeName": .text(document.type.singularName),
        ]
        context["council"] = document.council.map(MustacheValue.text)
        context["committee"] = document.committee.map(MustacheValue.text)
        context["summary"] = document.summary.map(MustacheValue.text)
        return context
    }

    /// `base` with the link to the document from a page at `links`.
    /// `base` is consumed: a summary just made gets its link in place, and one kept for many listings is copied.
    static func linked(_ base: consuming TemplateContext, _ document: Document, links: PageLinks) -> TemplateContext {
        var context = base
        context["href"] = .text(links.document(document.contentPath))
        return context
    }
}

/// The summary list of a report's details, the GOV.UK pattern for key facts.
enum DocumentDetails {
    /// With `links`, the council, committee, date and type link to their listings, so a reader can find the rest.
    static func rows(_ document: Document, links: PageLinks? = nil) -> [TemplateContext] {
        let rows: [(String, String?, String?)] = [
            ("Council", document.council, document.council.flatMap(BrowseFacet.council.folder(for:))),
            ("Committee", document.committee, document.committee.flatMap(BrowseFacet.committee.folder(for:))),
            ("Date", document.date.display, BrowseFacet.year.folder(for: String(format4: document.date.year))),
            ("Author", document.author, nil),
            ("Type", document.type.singularName, document.type == .page ? nil : document.type.folder + "/"),
        ]
        return rows.compactMap { key, value, folder in
            guard let value, !value.isEmpty else { return nil }
            var row: TemplateContext = ["key": .text(key), "value": .text(value)]
            if let links, let folder { row["href"] = .text(links.page(folder)) }
            return row
        }
    }
}
