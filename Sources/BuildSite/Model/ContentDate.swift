/// A publication date as precise as the source: a day, a month, or only a year.
/// Council papers sometimes give only "September 2023", and build-site never invents a day.
public struct ContentDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    /// Accepts `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, and only dates that exist (no 2025-02-30).
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count),
              zip(parts, widths).allSatisfy({ $0.count == $1 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), year >= 1000 else { return nil }
        self.year = year
        if parts.count >= 2 {
            guard let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self.month = month
        }
        if parts.count == 3, let month {
            guard let day = Int(parts[2]), (1...ContentDate.daysIn(month: month, year: year)).contains(day) else { return nil }
            self.day = day
        }
    }

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// As written in the front matter: `2024-03-22`, `2023-09` or `2016`.
    public var iso: String {
        var text = String(format4: year)
        if let month { text += "-" + String(format2: month) }
        if let day { text += "-" + String(format2: day) }
        return text
    }

    /// As a resident reads it: "22 March 2024", "September 2023", "2016".
    public var display: String {
        guard let month else { return String(year) }
        let name = ContentDate.monthNames[month - 1]
        guard let day else { return "\(name) \(year)" }
        return "\(day) \(name) \(year)"
    }

    /// The first day the date can mean, for feeds and sitemaps that need a full date.
    public var firstDayISO: String {
        "\(String(format4: year))-\(String(format2: month ?? 1))-\(String(format2: day ?? 1))"
    }

    public var description: String { iso }

    public static func < (lhs: ContentDate, rhs: ContentDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }
}

extension String {
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
    init(format4 value: Int) {
        let digits = "\(value)"
        self = String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
    }
}
