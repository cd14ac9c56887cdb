/// A publication date as precise as the source: a day, a month, or only a year.
/// Council papers sometimes give only "September 2023", and build-site never invents a day.
public struct ContentDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    /// Accepts `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, and only dates that exist (no 2025-02-30).
    /// Read as bytes: every report's date and every action's due date comes here, and splitting the text and asking
    /// each Character whether it is a number looked up Unicode's tables. Such a date is all ASCII, so a text with
    /// any other byte is none.
    public init?(iso text: String) {
        var text = text
        guard let date = text.withUTF8({ ContentDate.parse($0) }) else { return nil }
        self = date
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ContentDate? {
        guard bytes.count == 4 || bytes.count == 7 || bytes.count == 10 else { return nil }
        func number(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for index in start..<start + count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0, 4), year >= 1000 else { return nil }
        var date = ContentDate(year: year)
        if bytes.count >= 7 {
            guard bytes[4] == UInt8(ascii: "-"), let month = number(5, 2), (1...12).contains(month) else { return nil }
            date.month = month
            if bytes.count == 10 {
                guard bytes[7] == UInt8(ascii: "-"), let day = number(8, 2),
                      (1...ContentDate.daysIn(month: month, year: year)).contains(day) else { return nil }
                date.day = day
            }
        }
        return date
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
        ContentDate.isoText(year: year, month: month, day: day)
    }

    /// As a resident reads it: "22 March 2024", "September 2023", "2016".
    public var display: String {
        guard let month else { return String(year) }
        guard (0...9999).contains(year), (0...99).contains(day ?? 0) else {
            var text = day.map { String($0) + " " } ?? ""
            text += ContentDate.monthNames[month - 1]
            text += " "
            text += String(year)
            return text
        }
        // Written straight into the text, as `isoText` is: a date is shown on every page that lists its document,
        // and joining four texts cost some 1,300 instructions each time (0.5% of a build).
        let name = ContentDate.monthNameBytes[month - 1]
        return String(unsafeUninitializedCapacity: 3 + name.count + 5) { bytes in
            var count = 0
            // Without leading zeros, as `String(_:)` writes a number.
            func put(_ value: Int) {
                let digits = value >= 1000 ? 4 : value >= 100 ? 3 : value >= 10 ? 2 : 1
                var rest = value
                for index in (count..<count + digits).reversed() {
                    bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                count += digits
            }
            if let day {
                put(day)
                bytes[count] = UInt8(ascii: " ")
                count += 1
            }
            for byte in name {
                bytes[count] = byte
                count += 1
            }
            bytes[count] = UInt8(ascii: " ")
            count += 1
            put(year)
            return count
        }
    }

    private static let monthNameBytes = monthNames.map { Array($0.utf8) }

    /// The first day the date can mean, for feeds and sitemaps that need a full date.
    public var firstDayISO: String {
        ContentDate.isoText(year: year, month: month ?? 1, day: day ?? 1)
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, digits written straight into the text: a document's dates are asked for
    /// on every page it is listed on, and made by interpolation each cost some 2,000 instructions (0.8% of a build).
    static func isoText(year: Int, month: Int?, day: Int?) -> String {
        guard (0...9999).contains(year), (0...99).contains(month ?? 0), (0...99).contains(day ?? 0) else {
            var text = String(format4: year)
            if let month { text += "-" + String(format2: month) }
            if let day { text += "-" + String(format2: day) }
            return text
        }
        return String(unsafeUninitializedCapacity: 10) { bytes in
            func put(_ value: Int, digits: Int, at start: Int) {
                var value = value
                for index in (start..<start + digits).reversed() {
                    bytes[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(year, digits: 4, at: 0)
            var count = 4
            func add(_ part: Int?) {
                guard let part else { return }
                bytes[count] = UInt8(ascii: "-")
                put(part, digits: 2, at: count + 1)
                count += 3
            }
            add(month)
            add(day)
            return count
        }
    }

    public var description: String { iso }

    public static func < (lhs: ContentDate, rhs: ContentDate) -> Bool {
        lhs.orderingKey < rhs.orderingKey
    }

    /// One number that orders dates as `<` does: a year before any month of it, a month before any day of it.
    var orderingKey: Int {
        (year * 100 + (month ?? 0)) * 100 + (day ?? 0)
    }
}

extension String {
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
    init(format4 value: Int) {
        let digits = "\(value)"
        self = String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
    }
}
