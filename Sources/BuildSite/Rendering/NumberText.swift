import CNumberText
import Foundation

/// A number with a fixed number of decimal places, as `String(format: "%.2f")` writes it.
///
/// C's `printf` rounds the number's exact binary value to the nearest text with that many places (to the even one
/// on an exact tie). Here the nearest whole number of hundredths (for two places) is found from the double scaled
/// up, and checked against the exact value: `fma` gives the difference between the value times 100 and that whole
/// number with a single rounding, so unless it is within a hair of one half, the whole number is the one `printf`
/// rounds to, and its digits are written straight into the text. A near tie, a negative number that rounds to zero
/// (`printf` writes "-0.0"), a number too large to count in whole hundredths exactly, or more than four places, go to
/// C's own `snprintf` (`CNumberText`, called without Swift's variadic arguments, each of which asks the runtime
/// about its argument's type). Each risk history chart has dozens of coordinates: `snprintf` for each was 1% of a
/// build's instructions.
public enum NumberText {
    public static func fixed(_ value: Double, places: Int) -> String {
        if (0...4).contains(places), let text = rounded(value, places: places) { return text }
        return formatted(value, places: places)
    }

    private static let scales: [Double] = [1, 10, 100, 1_000, 10_000]

    /// The text when the rounding is certain; nil to leave it to `snprintf`.
    private static func rounded(_ value: Double, places: Int) -> String? {
        let scale = scales[places]
        let scaled = value * scale
        // Whole numbers of units up to 2^52 are exact doubles, and exact in an Int.
        guard scaled.isFinite, abs(scaled) < 4_503_599_627_370_496 else { return nil }
        let whole = scaled.rounded(.toNearestOrEven)
        let difference = (-whole).addingProduct(value, scale)  // value × scale − whole, rounded once
        guard abs(difference) < 0.499_999 else { return nil }
        guard value.sign == .plus || whole != 0 else { return nil }  // "-0.0": left to printf
        return text(of: Int(whole), places: places)
    }

    /// `units` (a number of tenths, hundredths…) written with `places` decimals: "-12.05" for -1205 and 2.
    private static func text(of units: Int, places: Int) -> String {
        let magnitude = units.magnitude
        var digits = 1
        var power: UInt = 10
        while digits < 20, magnitude >= power {
            digits += 1
            if power > UInt.max / 10 { break }
            power *= 10
        }
        // At least one digit before the point.
        let wholeDigits = max(1, digits - places)
        let count = (units < 0 ? 1 : 0) + wholeDigits + (places > 0 ? 1 + places : 0)
        return String(unsafeUninitializedCapacity: count) { bytes in
            var rest = magnitude
            var index = count - 1
            for place in 0..<(wholeDigits + places) {
                if places > 0, place == places {
                    bytes[index] = UInt8(ascii: ".")
                    index -= 1
                }
                bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                index -= 1
            }
            if units < 0 { bytes[0] = UInt8(ascii: "-") }
            return count
        }
    }

    private static func formatted(_ value: Double, places: Int) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            guard let base = buffer.baseAddress else { return String(format: "%.*f", places, value) }
            let written = number_text_decimals(base, buffer.count, value, Int32(places))
            guard written > 0, Int(written) < buffer.count else { return String(format: "%.*f", places, value) }
            return String(decoding: UnsafeRawBufferPointer(start: base, count: Int(written)), as: UTF8.self)
        }
    }
}
