import Mustache

/// Long listings are cut into pages of `size` documents: the first at `folder/index.html`, the rest beside it at
/// `folder/page-2.html`, so no page can clash with a document's folder. Navigation follows the GOV.UK pagination
/// pattern: previous and next links, page numbers with the current one marked, gaps as an ellipsis.
struct Pagination {
    static let size = 20

    let current: Int
    let count: Int

    static func pageCount(for items: Int) -> Int { max(1, (items + size - 1) / size) }

    /// The file of page `number`, relative to its folder.
    static func fileName(_ number: Int) -> String { number == 1 ? "index.html" : "page-\(number).html" }

    /// The pages to show as numbers: the first, the last, and the current with its neighbours; nil is a gap.
    var shownNumbers: [Int?] {
        let wanted = Set([1, count, current - 1, current, current + 1].filter { (1...count).contains($0) }).sorted()
        var shown: [Int?] = []
        for number in wanted {
            if let last = shown.last ?? nil, number > last + 1 { shown.append(nil) }
            shown.append(number)
        }
        return shown
    }

    /// The values the `pagination` partial shows; nil for a listing that fits on one page.
    var context: TemplateContext? {
        guard count > 1 else { return nil }
        var context: TemplateContext = [
            "items": .objects(shownNumbers.map { number -> TemplateContext in
                guard let number else { return ["ellipsis": true] }
                return ["number": .number(number), "href": .text(Pagination.fileName(number)), "current": .flag(number == current)]
            }),
        ]
        if current > 1 { context["previous"] = ["href": .text(Pagination.fileName(current - 1))] }
        if current < count { context["next"] = ["href": .text(Pagination.fileName(current + 1))] }
        return context
    }
}
