import CNumberText
import Foundation

/// A number with a fixed number of decimal places, as `String(format: "%.2f")` writes it: by C's own `snprintf`,
/// which Foundation's formatting calls in the end, without making an NSString of the format first and without
/// Swift's variadic arguments (`CNumberText`), each of which asks the runtime about its argument's type: each chart
/// has dozens of coordinates, and a rebuild's summary line took a tenth of a millisecond.
public enum NumberText {
    public static func fixed(_ value: Double, places: Int) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            guard let base = buffer.baseAddress else { return String(format: "%.*f", places, value) }
            let written = number_text_decimals(base, buffer.count, value, Int32(places))
            guard written > 0, Int(written) < buffer.count else { return String(format: "%.*f", places, value) }
            return String(decoding: UnsafeRawBufferPointer(start: base, count: Int(written)), as: UTF8.self)
        }
    }
}
