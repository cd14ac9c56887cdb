/// The values templates see for one document in a listing (title, link, date, council…).
/// Every value is plain text and is HTML-escaped by the template.
enum DocumentSummaryContext {
    static func make(_ document: Document, links: PageLinks) -> [String: Any] {
        var context: [String: Any] = [
            "title": document.title,
            "href": links.page(document.urlPath),
            "date": document.date.display,
            "dateISO": document.date.iso,
            "typeName": document.type.singularName,
        ]
        context["council"] = document.council
        context["committee"] = document.committee
        context["summary"] = document.summary
        return context
    }
}

/// The summary list of a report's details, the GOV.UK pattern for key facts.
enum DocumentDetails {
    static func rows(_ document: Document) -> [[String: Any]] {
        let pairs: [(String, String?)] = [
            ("Council", document.council),
            ("Committee", document.committee),
            ("Date", document.date.display),
            ("Author", document.author),
            ("Type", document.type.singularName),
        ]
        return pairs.compactMap { key, value in
            guard let value, !value.isEmpty else { return nil }
            return ["key": key, "value": value]
        }
    }
}
