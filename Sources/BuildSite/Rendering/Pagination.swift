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
    var context: [String: Any]? {
        guard count > 1 else { return nil }
        var context: [String: Any] = [
            "items": shownNumbers.map { number -> [String: Any] in
                guard let number else { return ["ellipsis": true] }
                return ["number": number, "href": Pagination.fileName(number), "current": number == current]
            },
        ]
        if current > 1 { context["previous"] = ["href": Pagination.fileName(current - 1)] as [String: Any] }
        if current < count { context["next"] = ["href": Pagination.fileName(current + 1)] as [String: Any] }
        return context
    }
}
