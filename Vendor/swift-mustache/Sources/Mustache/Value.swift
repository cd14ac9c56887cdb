//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

/// A context value of a known kind (added for build-site; see its `Vendor/README.md`).
///
/// A context made of these renders as the same context made of the Swift values they hold (`anyValue`) would, but
/// without a dynamic cast or a protocol conformance look-up for each name: a look-up reads a dictionary and switches
/// on the kind. Lambdas, transforms' own types and custom renderables are `Any` values only; a transform applied to
/// one of these values (`{{items.reversed()}}`) works on its `anyValue`.
public enum MustacheValue: Sendable {
    /// Escaped in `{{name}}`; a section over it renders once with the text on the stack
    case text(String)
    /// A section renders when true, an inverted section when false
    case flag(Bool)
    /// Written in decimal
    case number(Int)
    /// A section renders once for each element, an inverted section when empty
    case list([MustacheValue])
    /// Names are looked up in it
    case object(MustacheObject)
    /// Text held as its UTF-8 bytes, which must be valid UTF-8: HTML made by another library as bytes (a document's
    /// body, from cmark-gfm), written as it is by `{{{name}}}` without being made a `String` first, which checks
    /// every byte once more. Everything else treats it as the text it holds.
    case utf8([UInt8])

    /// The plain Swift value: what the general rendering code, written for `Any`, is given.
    public var anyValue: Any {
        switch self {
        case .text(let text): text
        case .flag(let flag): flag
        case .number(let number): number
        case .list(let items): items.map(\.anyValue) as [Any]
        case .object(let fields): Dictionary(fields.map { ($0.key, $0.value.anyValue) }, uniquingKeysWith: { _, last in last }) as [String: Any]
        case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
        }
    }
}

extension MustacheValue: ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) {
        self = .text(value)
    }
}

extension MustacheValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) {
        self = .flag(value)
    }
}

extension MustacheValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self = .number(value)
    }
}

extension MustacheValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: MustacheValue...) {
        self = .list(elements)
    }
}

extension MustacheValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        var object = MustacheObject(minimumCapacity: elements.count)
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
}

/// An object's names and values (added for build-site; see its `Vendor/README.md`), kept in the order they were
/// first set, each name with its hash.
///
/// Why not a `Dictionary`: every Dictionary hashes with a seed of its own, so a name looked up through five objects
/// on the context stack was hashed five times, and each object was a hash table to build and free for a few dozen
/// names. Here a name is hashed once per look-up (`hash(_:)`), and each object's hashes are compared in a row.
/// Setting a name that is already there replaces its value; setting it to nil removes it.
public struct MustacheObject: Sendable {
    @usableFromInline
    struct Entry: Sendable {
        @usableFromInline let hash: UInt64
        @usableFromInline let key: String
        @usableFromInline var value: MustacheValue

        @inlinable
        init(hash: UInt64, key: String, value: MustacheValue) {
            self.hash = hash
            self.key = key
            self.value = value
        }
    }

    @usableFromInline
    var entries: [Entry]

    @inlinable
    public init() {
        self.entries = []
    }

    @inlinable
    public init(minimumCapacity: Int) {
        self.entries = []
        self.entries.reserveCapacity(minimumCapacity)
    }

    /// FNV-1a over the name's UTF-8 bytes: names are short, and the hash only has to tell names apart within
    /// one object (equal hashes are confirmed by comparing the names).
    @inlinable
    public static func hash(_ key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            return hash
        }
    }

    @inlinable
    func index(of key: String, hash: UInt64) -> Int? {
        for index in self.entries.indices where self.entries[index].hash == hash && self.entries[index].key == key {
            return index
        }
        return nil
    }

    /// The value of `key`, whose `hash(_:)` is `hash`.
    @inlinable
    public func value(forKey key: String, hash: UInt64) -> MustacheValue? {
        self.index(of: key, hash: hash).map { self.entries[$0].value }
    }

    @inlinable
    public subscript(key: String) -> MustacheValue? {
        get { self.value(forKey: key, hash: Self.hash(key)) }
        set {
            let hash = Self.hash(key)
            if let index = self.index(of: key, hash: hash) {
                if let newValue {
                    self.entries[index].value = newValue
                } else {
                    self.entries.remove(at: index)
                }
            } else if let newValue {
                // Room for eight at the first growth, not two: a context made from a literal of one or two names and
                // then given the rest one by one (an action's row: one and eight) grew four times.
                if self.entries.count == self.entries.capacity {
                    self.entries.reserveCapacity(Swift.max(8, self.entries.count * 2))
                }
                self.entries.append(Entry(hash: hash, key: key, value: newValue))
            }
        }
    }

    @inlinable
    public var count: Int { self.entries.count }

    @inlinable
    public var isEmpty: Bool { self.entries.isEmpty }

    @inlinable
    public var keys: [String] { self.entries.map(\.key) }

    @inlinable
    public mutating func reserveCapacity(_ minimumCapacity: Int) {
        self.entries.reserveCapacity(minimumCapacity)
    }

    /// Each name's hash (as `hash(_:)` makes it) with its value, in order: for a fingerprint of the object that need
    /// not hash every name again.
    @inlinable
    public func forEachHashedValue(_ body: (_ nameHash: UInt64, _ value: MustacheValue) throws -> Void) rethrows {
        // Through the buffer: each value is lent to `body` where it lies, not copied out of the array (a retain and
        // a release for each).
        try self.entries.withUnsafeBufferPointer { entries in
            for index in entries.indices {
                try body(entries[index].hash, entries[index].value)
            }
        }
    }
}

extension MustacheObject: ExpressibleByDictionaryLiteral {
    @inlinable
    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        self.init(minimumCapacity: elements.count)
        for (key, value) in elements { self[key] = value }
    }
}

extension MustacheObject: Sequence {
    public struct Iterator: IteratorProtocol {
        @usableFromInline var base: IndexingIterator<[Entry]>

        @inlinable
        init(base: IndexingIterator<[Entry]>) {
            self.base = base
        }

        @inlinable
        public mutating func next() -> (key: String, value: MustacheValue)? {
            self.base.next().map { (key: $0.key, value: $0.value) }
        }
    }

    @inlinable
    public func makeIterator() -> Iterator {
        Iterator(base: self.entries.makeIterator())
    }

    @inlinable
    public var underestimatedCount: Int { self.entries.count }
}
