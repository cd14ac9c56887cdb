import Foundation

/// Every risk of every published report, grouped into "the same risk": the same council and the same risk id
/// across reports. Risk ids are only unique within a council, so a risk is known by both, and its history page
/// lives at `risks/<council-slug>/<id-slug>/`.
public struct RiskRegister: Sendable {
    /// One risk as one report scored it.
    public struct Entry: Sendable {
        /// The report and the risk, shared by every copy of the entry. Entries are copied wherever the register, a
        /// history page, the open data or an appendix's direction of travel asks for one, and copying a report and
        /// a risk field by field (some forty texts and lists) was a fiftieth of a build.
        private final class Parts: Sendable {
            let document: Document
            let risk: Risk

            init(document: Document, risk: Risk) {
                self.document = document
                self.risk = risk
            }
        }

        private let parts: Parts
        public let council: String
        // Lent, not copied: `entry.risk.current.score` would otherwise copy every field of the risk (a retain each)
        // to read one number, in sorting, the open data and the register's pages.
        public var document: Document { _read { yield parts.document } }
        public var risk: Risk { _read { yield parts.risk } }

        public init(document: Document, risk: Risk, council: String) {
            parts = Parts(document: document, risk: risk)
            self.council = council
        }
    }

    /// One council's risk across its reports, oldest report first.
    public struct Series: Sendable {
        public var council: String
        public var riskID: String
        /// `risks/london-borough-of-camden/16/`: the history page's folder.
        public var folder: String
        public var entries: [Entry]

        public var latest: Entry { entries[entries.count - 1] }
    }

    /// How a risk's current score moved since the council's previous report that scored it.
    public enum Direction: Sendable, Equatable {
        /// No earlier report of this council has this risk.
        case new
        case up(from: RiskScore)
        case down(from: RiskScore)
        case unchanged(from: RiskScore)

        /// The machine word, as in the open data: new, up, down, unchanged.
        public var word: String {
            switch self {
            case .new: "new"
            case .up: "up"
            case .down: "down"
            case .unchanged: "unchanged"
            }
        }

        /// A symbol that repeats the word, never stands for it.
        public var symbol: String {
            switch self {
            case .new: "●"
            case .up: "↑"
            case .down: "↓"
            case .unchanged: "→"
            }
        }

        public var previousScore: RiskScore? {
            switch self {
            case .new: nil
            case .up(let from), .down(let from), .unchanged(let from): from
            }
        }
    }

    /// Sorted for the register: the highest latest score first, then by council and risk id.
    public let series: [Series]
    /// Series index by "council-slug\u{0}risk id", for an appendix to find its own series.
    private let indexByKey: [String: Int]

    public var isEmpty: Bool { series.isEmpty }

    /// Every entry, ordered for the open data: council, risk id, then report date (oldest first).
    public var allEntries: [Entry] {
        series.sorted { RiskRegister.order($0.council, $0.riskID, $1.council, $1.riskID) }.flatMap(\.entries)
    }

    /// A document without a `council:` belongs to the site's publisher, or to "Council not named".
    public static func council(of document: Document, settings: SiteSettings) -> String {
        if let council = document.council?.trimmingEnds(in: .whitespaces), !council.isEmpty { return council }
        return settings.publisher.isEmpty ? "Council not named" : settings.publisher
    }

    public init(site: SiteModel) {
        var grouped: [String: [Entry]] = [:]
        for document in site.documents {
            let council = RiskRegister.council(of: document, settings: site.settings)
            for risk in document.risks {
                grouped[RiskRegister.key(council: council, riskID: risk.id), default: []]
                    .append(Entry(document: document, risk: risk, council: council))
            }
        }
        // Oldest report first; a tie on the date falls back to the file's path, so the order never depends on luck.
        var all = grouped.values.map { entries in
            entries.sorted { ($0.document.date, $0.document.contentPath) < ($1.document.date, $1.document.contentPath) }
        }
        all.sort { RiskRegister.order($0[0].council, $0[0].risk.id, $1[0].council, $1[0].risk.id) }

        // Folders: slugs of council and id; two ids that slug alike in one council ("R1" and "r1") get -2, -3…
        var used: [String: Int] = [:]
        var made: [Series] = []
        for entries in all {
            let latest = entries[entries.count - 1]
            let councilSlug = Slug.make(latest.council).isEmpty ? "council" : Slug.make(latest.council)
            let idSlug = Slug.make(latest.risk.id).isEmpty ? "risk" : Slug.make(latest.risk.id)
            var folder = "risks/\(councilSlug)/\(idSlug)/"
            let count = used[folder, default: 0] + 1
            used[folder] = count
            if count > 1 { folder = "risks/\(councilSlug)/\(idSlug)-\(count)/" }
            made.append(Series(council: latest.council, riskID: latest.risk.id, folder: folder, entries: entries))
        }
        made.sort { a, b in
            if a.latest.risk.current.score != b.latest.risk.current.score { return a.latest.risk.current.score > b.latest.risk.current.score }
            return RiskRegister.order(a.council, a.riskID, b.council, b.riskID)
        }
        series = made
        indexByKey = Dictionary(uniqueKeysWithValues: made.enumerated().map { (RiskRegister.key(council: $1.council, riskID: $1.riskID), $0) })
    }

    /// The series a report's risk belongs to.
    public func series(of risk: Risk, in document: Document, settings: SiteSettings) -> Series? {
        indexByKey[RiskRegister.key(council: RiskRegister.council(of: document, settings: settings), riskID: risk.id)].map { series[$0] }
    }

    /// The previous report of the same risk: the latest report of the same council, dated before this one,
    /// that has the same risk id. Reports of the same date are not "previous" to each other.
    public func previous(of risk: Risk, in document: Document, settings: SiteSettings) -> Entry? {
        series(of: risk, in: document, settings: settings).flatMap { RiskRegister.previous(in: $0, before: document) }
    }

    /// The previous report in `series` (the one `document`'s risk belongs to), as `previous(of:in:settings:)` finds it.
    public static func previous(in series: Series, before document: Document) -> Entry? {
        // The entries are oldest first, so the first one not dated before the report is found by halving, and the
        // answer is the one before it. (A scan back from the newest passed half a series for each appendix.)
        let entries = series.entries
        let date = document.date
        var low = entries.startIndex
        var high = entries.endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if entries[middle].document.date < date { low = middle + 1 } else { high = middle }
        }
        return low > entries.startIndex ? entries[low - 1] : nil
    }

    public func direction(of risk: Risk, in document: Document, settings: SiteSettings) -> Direction {
        series(of: risk, in: document, settings: settings).map { RiskRegister.direction(of: risk, in: document, series: $0) } ?? .new
    }

    /// `direction(of:in:settings:)` for a risk whose series is known: pages that go through a series' entries, or
    /// have just found it, need not find it again (the council trimmed, its slug made, a key hashed).
    public static func direction(of risk: Risk, in document: Document, series: Series) -> Direction {
        guard let previous = previous(in: series, before: document) else { return .new }
        return direction(from: previous.risk.current, to: risk.current)
    }

    /// Up means a higher (worse) score, down a lower one; the same score is unchanged even if L and I swapped.
    public static func direction(from previous: RiskScore, to current: RiskScore) -> Direction {
        if current.score > previous.score { return .up(from: previous) }
        if current.score < previous.score { return .down(from: previous) }
        return .unchanged(from: previous)
    }

    static func key(council: String, riskID: String) -> String { Slug.make(council) + "\u{0}" + riskID }

    /// Council, then risk id with numbers compared as numbers ("2" before "16"), then exactly, for one fixed order.
    static func order(_ councilA: String, _ idA: String, _ councilB: String, _ idB: String) -> Bool {
        if councilA != councilB { return councilA < councilB }
        let numeric = idA.compare(idB, options: [.numeric, .caseInsensitive])
        if numeric != .orderedSame { return numeric == .orderedAscending }
        return idA < idB
    }
}
