import Foundation

extension String {
    /// The same as `trimmingCharacters(in:)`, looking only at the ends: the text itself when neither end is in the
    /// set. Foundation's trimming bridges the whole text each time, which for a council's name asked for by every
    /// risk on every page was a seventieth of a build.
    func trimmingEnds(in set: CharacterSet) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, set.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start, set.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return start == scalars.startIndex && end == scalars.endIndex ? self : String(scalars[start..<end])
    }
}
