import Foundation
import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// How the project bank's lists are split into pages: `pageSize` activities a page, the first
/// at the list's own address and the rest at `side/2/`, `side/3/`, … beside it, so that no
/// page grows with the bank (10,000 activities: 100 pages of about 60 KB, not one of 4 MB).
struct ListPagination {
    /// Activities per page: about 60 KB of rows, readable on a phone before the rest arrives.
    static let pageSize = 100

    /// How many pages a list of `count` activities has (one, also when it is empty).
    static func pageCount(_ count: Int) -> Int { max(1, (count + pageSize - 1) / pageSize) }

    /// The list's first page (`projektbank/forvaltning/bif/index.html`).
    let first: String
    /// How many activities the list has.
    let count: Int
    /// The page shown, from 1.
    let number: Int

    /// The positions in the whole list that this page shows.
    var range: Range<Int> {
        let start = min((number - 1) * Self.pageSize, count)
        return start..<min(start + Self.pageSize, count)
    }

    /// The navigation between pages: numbered links (the first, the last and two either side of
    /// this one, with a gap mark between), previous and next; nil when the list fits one page.
    func context() -> TemplateObject? {
        let pages = Self.pageCount(count)
        guard pages > 1 else { return nil }
        let near = Set([1, pages] + (max(1, number - 2)...min(pages, number + 2)))
        var items: [TemplateObject] = []
        var last = 0
        for page in near.sorted() {
            if page > last + 1 { items.append(["gap": "…"]) }
            items.append([
                "link": TemplateObject(["number": String(page), "url": SitePaths.listPage(first, number: page)]),
                "ariaCurrent": page == number ? "page" : nil,
            ])
            last = page
        }
        return TemplateObject([
            "pages": items, "number": String(number), "count": String(pages),
            "from": Self.integer(range.lowerBound + 1), "to": Self.integer(range.upperBound),
            "total": Self.integer(count),
            "previous": number > 1 ? SitePaths.listPage(first, number: number - 1) : nil,
            "next": number < pages ? SitePaths.listPage(first, number: number + 1) : nil,
        ])
    }

    /// `1.242`
    static func integer(_ value: Int) -> String { DanishFormat.number(Amount(Decimal(value), scale: 0)) }
}
