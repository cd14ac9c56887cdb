import Foundation

/// A fingerprint of what a template is given. A page is a pure function of its template and its context, so two
/// builds that give a page's template the same context write the same page: a rebuild can keep the page from the
/// last build instead of rendering it again (`PageReuse`).
///
/// Dictionaries are hashed without sorting their keys: each pair is hashed on its own and the pairs' hashes are
/// added, which does not depend on the order a dictionary happens to iterate in.
enum ContextFingerprint {
    /// nil when the context holds a value this does not know how to hash: such a page is always rendered.
    /// `inputs` are added before the context: what else the page depends on.
    static func of(_ context: [String: Any], inputs: String...) -> String? {
        var hash = ChangeHash()
        for input in inputs { hash.add(input) }
        guard add(context, to: &hash) else { return nil }
        return hash.hex
    }

    /// Values are told apart by their exact type, compared as metatypes, before one cast that cannot fail. A cast
    /// alone would also accept what merely converts: `as? [String: Any]` takes a `[String: String]` by copying it
    /// pair by pair, and swift-mustache would pay that copy again at every look-up into it. Contexts hold only the
    /// types below; any other value gets no fingerprint, so its page is rendered on every build, which the
    /// page-reuse tests would show.
    private static func add(_ value: Any, to hash: inout ChangeHash) -> Bool {
        let type = type(of: value)
        if type == String.self, let text = value as? String {
            hash.add("s")
            hash.add(text)
        } else if type == [String: Any].self, let dictionary = value as? [String: Any] {
            return add(dictionary, to: &hash)
        } else if type == Bool.self, let flag = value as? Bool {
            hash.add(flag ? "t" : "f")
        } else if type == Int.self, let number = value as? Int {
            hash.add("i")
            hash.add(number)
        } else if type == [[String: Any]].self, let rows = value as? [[String: Any]] {
            hash.add("a")
            hash.add(rows.count)
            for row in rows where !add(row, to: &hash) { return false }
        } else if type == [String].self, let texts = value as? [String] {
            hash.add("a")
            hash.add(texts.count)
            for text in texts { hash.add(text) }
        } else if type == [Any].self, let items = value as? [Any] {
            hash.add("a")
            hash.add(items.count)
            for item in items where !add(item, to: &hash) { return false }
        } else if type == Double.self, let number = value as? Double {
            hash.add("d")
            hash.add(Int(bitPattern: UInt(number.bitPattern)))
        } else if let optional = value as? AnyOptionalValue {
            guard let wrapped = optional.wrappedValue else {
                hash.add("n")
                return true
            }
            return add(wrapped, to: &hash)
        } else {
            return false
        }
        return true
    }

    private static func add(_ dictionary: [String: Any], to hash: inout ChangeHash) -> Bool {
        var sum = ChangeHash.Sum()
        for (key, value) in dictionary {
            var pair = ChangeHash()
            pair.add(key)
            guard add(value, to: &pair) else { return false }
            sum.add(pair)
        }
        hash.add("m")
        hash.add(dictionary.count)
        hash.add(sum)
        return true
    }
}

/// Lets the fingerprint look inside an `Optional` stored as `Any` (`context["council"] = document.council`).
private protocol AnyOptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: AnyOptionalValue {
    fileprivate var wrappedValue: Any? {
        switch self {
        case .some(let value): value
        case .none: nil
        }
    }
}
